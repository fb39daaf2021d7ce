#!/usr/bin/env bash
# Makes sure a PostgreSQL with the database `creditloop` is there and exports DATABASE_URL (JDBC form).
#
#   source tools/postgres.sh     from run.sh: exports DATABASE_URL and CREDITLOOP_PG_STARTED (empty, cluster or
#                                embedded); cl_pg_stop_embedded stops an embedded server again
#   tools/postgres.sh [ensure]   the same, then prints `export DATABASE_URL=...`
#   tools/postgres.sh stop       stops the embedded server (not the machine's cluster)
#   tools/postgres.sh status     says which server answers
#
# The first that works, in this order:
#   1. DATABASE_URL is set: used as it is.
#   2. 127.0.0.1:5432 answers: the database is created there if missing (psql as DATABASE_USER, default postgres).
#   3. The machine's cluster is down: `pg_ctlcluster --skip-systemctl-redirect <version> main start`, then 2.
#   4. An embedded server from Debian's binaries (/usr/lib/postgresql/<v>/bin), run as the OS user postgres
#      when we are root, data in .run/pg, port PG_EMBEDDED_PORT (5433), trust auth on 127.0.0.1 only.
# CREDITLOOP_PG=embedded skips 2 and 3 (to try the fallback on a machine that has a cluster).
# The machine's cluster, once started, stays up: it is the machine's service, shared with other work.

_cl_pg_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CL_PG_DB=${CREDITLOOP_DB:-creditloop}
CL_PG_EMBEDDED_PORT=${PG_EMBEDDED_PORT:-5433}
CL_PG_EMBEDDED_DIR=${PG_EMBEDDED_DIR:-$_cl_pg_root/.run/pg}

cl_pg_say() { echo "postgres: $*" 2>/dev/null || true; }

cl_pg_port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

cl_pg_wait_port() { # port seconds
  local deadline=$(($(date +%s) + $2))
  until cl_pg_port_open "$1"; do
    (($(date +%s) < deadline)) || return 1
    sleep 0.3
  done
}

cl_pg_psql() { # port sql
  PGPASSWORD=${DATABASE_PASSWORD:-} PGCONNECT_TIMEOUT=5 psql -X -h 127.0.0.1 -p "$1" -U "${DATABASE_USER:-postgres}" \
    -d postgres -v ON_ERROR_STOP=1 -tAq -c "$2" </dev/null
}

cl_pg_create_db() { # port
  if ! command -v psql >/dev/null; then
    cl_pg_say "no psql here: cannot check that database $CL_PG_DB exists on port $1"
    return 0
  fi
  local exists
  exists=$(cl_pg_psql "$1" "select 1 from pg_database where datname = '$CL_PG_DB'") || {
    cl_pg_say "cannot connect to 127.0.0.1:$1 as ${DATABASE_USER:-postgres} (set DATABASE_USER / DATABASE_PASSWORD or DATABASE_URL)"
    return 1
  }
  if [[ $exists != 1 ]]; then
    cl_pg_psql "$1" "create database \"$CL_PG_DB\"" || return 1
    cl_pg_say "created database $CL_PG_DB on 127.0.0.1:$1"
  fi
}

cl_pg_start_cluster() {
  command -v pg_ctlcluster >/dev/null && [[ -d /etc/postgresql ]] || return 1
  local version
  version=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V | tail -n 1)
  [[ -n $version ]] || return 1
  cl_pg_say "127.0.0.1:5432 does not answer: starting the machine's cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || return 1
  cl_pg_wait_port 5432 30
}

# Runs a command as the OS user postgres when we are root (initdb refuses root), else as ourselves.
cl_pg_as_owner() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cl_pg_bindir() { # the newest Debian PostgreSQL, or the one that made the data directory
  local data=$CL_PG_EMBEDDED_DIR/data
  if [[ -f $data/PG_VERSION ]]; then
    echo "/usr/lib/postgresql/$(<"$data/PG_VERSION")/bin"
  else
    find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -n 1
  fi
}

cl_pg_start_embedded() {
  local bindir dir=$CL_PG_EMBEDDED_DIR port=$CL_PG_EMBEDDED_PORT
  local data=$dir/data log=$dir/postgres.log
  bindir=$(cl_pg_bindir)
  if [[ -z $bindir || ! -x $bindir/initdb || ! -x $bindir/pg_ctl ]]; then
    cl_pg_say "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql), and no server answers"
    return 1
  fi
  if [[ $(id -u) == 0 ]] && ! id postgres >/dev/null 2>&1; then
    cl_pg_say "running as root and there is no OS user postgres to run the embedded server"
    return 1
  fi
  mkdir -p "$dir"
  [[ $(id -u) == 0 ]] && chown postgres: "$dir"
  if ! cl_pg_as_owner test -w "$dir"; then
    cl_pg_say "the OS user postgres cannot write $dir (set PG_EMBEDDED_DIR)"
    return 1
  fi
  if [[ -f $data/postmaster.pid ]] && cl_pg_as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    cl_pg_say "embedded server already running ($data)"
  elif cl_pg_port_open "$port"; then
    cl_pg_say "port $port is taken by something else (set PG_EMBEDDED_PORT)"
    return 1
  else
    if [[ ! -f $data/PG_VERSION ]]; then
      cl_pg_say "initdb $data ($bindir)"
      cl_pg_as_owner "$bindir/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
        { tail -n 20 "$dir/initdb.log"; return 1; }
      cat >>"$data/postgresql.conf" <<EOF
# creditloop embedded server (tools/postgres.sh)
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
max_connections = 200
EOF
    fi
    cl_pg_say "starting the embedded server on 127.0.0.1:$port"
    : >>"$log"
    [[ $(id -u) == 0 ]] && chown postgres: "$log"
    cl_pg_as_owner "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null ||
      { tail -n 20 "$log"; return 1; }
    CREDITLOOP_PG_STARTED=embedded
  fi
  cl_pg_create_db "$port" || return 1
  DATABASE_URL=jdbc:postgresql://127.0.0.1:$port/$CL_PG_DB
  cl_pg_say "using the embedded server ($data): $DATABASE_URL"
}

cl_pg_stop_embedded() {
  local data=$CL_PG_EMBEDDED_DIR/data bindir
  bindir=$(cl_pg_bindir)
  if [[ -f $data/postmaster.pid && -x $bindir/pg_ctl ]]; then
    cl_pg_say "stopping the embedded server ($data)"
    cl_pg_as_owner "$bindir/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
  else
    cl_pg_say "no embedded server running"
  fi
}

cl_pg_ensure() {
  CREDITLOOP_PG_STARTED=
  if [[ -n ${DATABASE_URL:-} ]]; then
    cl_pg_say "using DATABASE_URL as given: $DATABASE_URL"
  elif [[ ${CREDITLOOP_PG:-auto} == embedded ]]; then
    cl_pg_start_embedded || return 1
  elif cl_pg_port_open 5432; then
    cl_pg_create_db 5432 || return 1
    DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/$CL_PG_DB
    cl_pg_say "using the server on 127.0.0.1:5432: $DATABASE_URL"
  elif cl_pg_start_cluster; then
    cl_pg_create_db 5432 || return 1
    DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/$CL_PG_DB
    CREDITLOOP_PG_STARTED=cluster
    cl_pg_say "using the machine's cluster, started now (left running afterwards): $DATABASE_URL"
  else
    cl_pg_say "no server on 127.0.0.1:5432 and the machine's cluster did not start: trying an embedded one"
    cl_pg_start_embedded || return 1
  fi
  export DATABASE_URL CREDITLOOP_PG_STARTED
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  case "${1:-ensure}" in
    ensure)
      cl_pg_ensure
      echo "export DATABASE_URL=$DATABASE_URL"
      ;;
    stop) cl_pg_stop_embedded ;;
    status)
      if cl_pg_port_open 5432; then cl_pg_say "127.0.0.1:5432 answers"; else cl_pg_say "127.0.0.1:5432 does not answer"; fi
      if cl_pg_port_open "$CL_PG_EMBEDDED_PORT"; then
        cl_pg_say "127.0.0.1:$CL_PG_EMBEDDED_PORT answers (embedded port)"
      fi
      ;;
    *)
      echo "usage: $0 [ensure|stop|status]   (or: source $0)" >&2
      exit 2
      ;;
  esac
else
  cl_pg_ensure
fi
