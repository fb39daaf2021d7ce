#!/usr/bin/env bash
# Brings up the whole creditloop suite on this machine, without Docker, in one command:
#
#   ./run.sh                   build what is missing, start Kafka, PostgreSQL, the six apps and the simulator,
#                              wait until every app is ready, print the URLs, then wait; Ctrl-C stops it all
#   ./run.sh --build           rebuild the jars first (./mvnw -B -q -DskipTests package)
#   ./run.sh --no-demo-agency  the simulator's demo enforcing agency stays silent (DEMO_AGENCY_ENABLED=false)
#   ./run.sh --stop            stop a previous run (from another terminal, or after its terminal went away)
#
# Logs: .run/logs/<app>.log (the previous run's in <app>.log.1); Kafka's in .run/kafka/.
# Environment, all optional:
#   DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD  an existing PostgreSQL (else tools/postgres.sh picks one)
#   KAFKA_BOOTSTRAP_SERVERS                         an existing broker (else tools/kafka/kafka.sh starts one)
#   READY_TIMEOUT                                   seconds to wait for every app (180)
#   CREDITLOOP_JAVA_OPTS                            JVM flags of each app (tuned for 2 cores, see below)
#   CREDITLOOP_APPS                                 a subset of apps, space-separated (for debugging)
#   TOKEN_SIGNING_KEY, TOKEN_VERIFICATION_KEYS      R16 token keys (docs/SECURITY.md); empty = development key pair
#   GATEWAY_DEV_SECRET                              secret of the gateway's bootstrap client creditloop-admin
#                                                   (credit office), default creditloop-dev
set -euo pipefail

T0=$(date +%s%3N)
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"
RUN=$ROOT/.run
LOGS=$RUN/logs
PIDS=$RUN/pids
VERSION=0.1.0-SNAPSHOT
READY_TIMEOUT=${READY_TIMEOUT:-180}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# Seven JVMs on two cores: C1 only and the serial collector start fastest and stay small; eager init is kept
# so that "ready" means every bean is really up.
# shellcheck disable=SC2206 # word splitting of the option string is wanted
APP_JAVA_OPTS=(${CREDITLOOP_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xms32m -Xmx256m -XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError})

# Start order: the simulator first (sharing-service pushes to it), the gateway last.
ALL_APPS=(simulator identification-service sharing-service sanction-service repair-service publication-service gateway)
declare -A PORT_OF=(
  [gateway]=8080 [identification-service]=8081 [sharing-service]=8082 [sanction-service]=8083
  [repair-service]=8084 [publication-service]=8085 [simulator]=8090
)

say() { echo "run.sh: $*"; }
die() { echo "run.sh: $*" >&2; exit 1; }
elapsed() { # ms since $1, as seconds with one decimal
  local ms=$(($(date +%s%3N) - $1))
  echo "$((ms / 1000)).$((ms % 1000 / 100))"
}
port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }
jar_of() { echo "$ROOT/$1/target/$1-$VERSION-exec.jar"; }

# A live process (not a zombie) whose command line contains $2.
alive() { # pid pattern
  [[ $1 =~ ^[0-9]+$ ]] || return 1
  local state
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
  [[ $state != Z ]] && tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" | grep -qF -- "$2"
}

# Stops process groups (each app runs in its own session): SIGTERM, up to 30 s, then SIGKILL.
stop_groups() { # pid...
  local pid i live
  (($# > 0)) || return 0
  for pid in "$@"; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
  for ((i = 0; i < 300; i++)); do
    live=0
    for pid in "$@"; do alive "$pid" java && live=1; done
    ((live)) || return 0
    sleep 0.1
  done
  for pid in "$@"; do
    if alive "$pid" java; then
      say "pid $pid still running after 30s: SIGKILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  sleep 0.5
}

# Stops what a previous run left, from its pid files. With a live run.sh, that run's own trap does the work.
stop_previous() {
  local pid f app pids=() found=0
  if [[ -f $PIDS/run.pid ]] && pid=$(<"$PIDS/run.pid") && alive "$pid" run.sh && ((pid != $$)); then
    found=1
    say "stopping the run.sh with pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
    for ((f = 0; f < 900; f++)); do alive "$pid" run.sh || break; sleep 0.1; done
    alive "$pid" run.sh && say "run.sh $pid did not stop within 90s; stopping its processes here"
  fi
  for f in "$PIDS"/*.app.pid; do
    [[ -f $f ]] || continue
    app=$(basename "$f" .app.pid)
    pid=$(<"$f")
    if alive "$pid" "$app-$VERSION-exec.jar"; then
      say "stopping $app (pid $pid)"
      pids+=("$pid")
    fi
  done
  stop_groups "${pids[@]}"
  ((${#pids[@]} == 0)) || found=1
  rm -f "$PIDS"/*.app.pid
  if [[ -f $PIDS/kafka.started ]]; then
    found=1
    KAFKA_PORT=$(<"$PIDS/kafka.started") "$ROOT/tools/kafka/kafka.sh" stop || true
    rm -f "$PIDS/kafka.started"
  fi
  if [[ -f $PIDS/pg.started ]]; then
    found=1
    "$ROOT/tools/postgres.sh" stop || true
    rm -f "$PIDS/pg.started"
  fi
  rm -f "$PIDS/run.pid"
  ((found)) || say "nothing of a previous run is running"
}

usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }

DEMO_AGENCY=true
BUILD=0
for arg in "$@"; do
  case "$arg" in
    --no-demo-agency) DEMO_AGENCY=false ;;
    --build) BUILD=1 ;;
    --stop)
      stop_previous
      exit 0
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      usage >&2
      die "unknown option: $arg"
      ;;
  esac
done

# shellcheck disable=SC2206
APPS=(${CREDITLOOP_APPS:-${ALL_APPS[*]}})
for app in "${APPS[@]}"; do [[ -n ${PORT_OF[$app]:-} ]] || die "unknown app in CREDITLOOP_APPS: $app"; done

# ---- a previous run, busy ports ----------------------------------------------------------------------------
mkdir -p "$LOGS" "$PIDS"
if [[ -f $PIDS/run.pid ]] && alive "$(<"$PIDS/run.pid")" run.sh; then
  die "already running (run.sh pid $(<"$PIDS/run.pid")); stop it with ./run.sh --stop"
fi
if compgen -G "$PIDS/*.app.pid" >/dev/null || [[ -f $PIDS/kafka.started || -f $PIDS/pg.started ]]; then
  say "a previous run did not clean up; stopping what it left"
  stop_previous
fi
for app in "${APPS[@]}"; do
  if port_open "${PORT_OF[$app]}"; then
    ss -ltnpH "sport = :${PORT_OF[$app]}" 2>/dev/null || true
    die "port ${PORT_OF[$app]} ($app) is already in use"
  fi
done

# ---- build -------------------------------------------------------------------------------------------------
missing=()
for app in "${APPS[@]}"; do [[ -f $(jar_of "$app") ]] || missing+=("$app"); done
if ((BUILD || ${#missing[@]} > 0)); then
  if ((BUILD)); then say "building (--build)"; else say "building; no jar yet for: ${missing[*]}"; fi
  t=$(date +%s%3N)
  modules=$(IFS=,; echo "${APPS[*]}")
  ./mvnw -B -q -DskipTests package -pl "$modules" -am </dev/null || die "the build failed"
  say "built in $(elapsed "$t")s"
  for app in "${APPS[@]}"; do [[ -f $(jar_of "$app") ]] || die "the build made no $(jar_of "$app")"; done
fi

# ---- from here on, everything started is stopped on exit -------------------------------------------------------
APP_PIDS=()
KAFKA_OURS=
PG_OURS=
CLEANED=0
cleanup() {
  local rc=$1 i pid
  ((CLEANED)) && return
  CLEANED=1
  trap - INT TERM EXIT
  # Stop everything even when stdout is gone (`./run.sh | tee x` and Ctrl-C kills tee first): a failed echo
  # must neither kill (SIGPIPE) nor end (set -e) the clean-up.
  trap '' PIPE
  set +e
  echo 2>/dev/null || exec >/dev/null 2>&1 # the rest, and kafka.sh with it, then writes nowhere
  say "stopping..."
  local live=() f
  for ((i = ${#APPS[@]} - 1; i >= 0; i--)); do # the gateway first, the simulator last
    f=$PIDS/${APPS[$i]}.app.pid
    [[ -s $f ]] && pid=$(<"$f") && alive "$pid" java && live+=("$pid")
  done
  for pid in $(jobs -p); do # launched, but no pid file yet
    alive "$pid" java && [[ " ${live[*]} " != *" $pid "* ]] && live+=("$pid")
  done
  stop_groups "${live[@]}"
  rm -f "$PIDS"/*.app.pid
  if [[ -n $KAFKA_OURS ]]; then
    "$ROOT/tools/kafka/kafka.sh" stop || true
    rm -f "$PIDS/kafka.started"
  fi
  if [[ -n $PG_OURS ]]; then
    cl_pg_stop_embedded || true
    rm -f "$PIDS/pg.started"
  fi
  rm -f "$PIDS/run.pid"
  say "stopped everything it started"
  exit "$rc"
}
trap 'cleanup 130' INT
trap 'cleanup 143' TERM
trap 'cleanup $?' EXIT
echo $$ >"$PIDS/run.pid"

# ---- Kafka, PostgreSQL ---------------------------------------------------------------------------------------
if [[ -n ${KAFKA_BOOTSTRAP_SERVERS:-} ]]; then
  say "using KAFKA_BOOTSTRAP_SERVERS as given: $KAFKA_BOOTSTRAP_SERVERS"
else
  kafka_port=${KAFKA_PORT:-9092}
  if port_open "$kafka_port"; then
    "$ROOT/tools/kafka/kafka.sh" start # says whose it is; not ours to stop
  else
    KAFKA_OURS=1
    echo "$kafka_port" >"$PIDS/kafka.started"
    "$ROOT/tools/kafka/kafka.sh" start
  fi
  export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port
fi

# shellcheck source=tools/postgres.sh
source "$ROOT/tools/postgres.sh"
if [[ $CREDITLOOP_PG_STARTED == embedded ]]; then
  PG_OURS=1
  touch "$PIDS/pg.started"
fi

# ---- the apps ----------------------------------------------------------------------------------------------------
T_APPS=$(date +%s%3N)
say "starting ${APPS[*]}"
for app in "${APPS[@]}"; do
  log=$LOGS/$app.log
  [[ -f $log ]] && mv -f "$log" "$log.1"
  pidfile=$PIDS/$app.app.pid
  rm -f "$pidfile"
  # Its own session (setsid): Ctrl-C reaches only this script, which then stops the apps in order.
  # The bash in between writes its own pid, which exec hands on to java.
  (
    export PORT=${PORT_OF[$app]}
    # /actuator/health/readiness exists only with the probes on (Boot turns them on by itself only on Kubernetes)
    export MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true
    case "$app" in
      gateway)
        export IDENTIFICATION_URL=http://127.0.0.1:8081 SHARING_URL=http://127.0.0.1:8082 \
          SANCTION_URL=http://127.0.0.1:8083 REPAIR_URL=http://127.0.0.1:8084 PUBLICATION_URL=http://127.0.0.1:8085
        export GATEWAY_DEV_SECRET=${GATEWAY_DEV_SECRET:-creditloop-dev}
        ;;
      sharing-service)
        export CITY_PLATFORM_URL=${CITY_PLATFORM_URL:-http://127.0.0.1:8090/platforms/city/records} \
          PROVINCE_PLATFORM_URL=${PROVINCE_PLATFORM_URL:-http://127.0.0.1:8090/platforms/province/records} \
          NATION_PLATFORM_URL=${NATION_PLATFORM_URL:-http://127.0.0.1:8090/platforms/nation/records}
        ;;
      simulator) export DEMO_AGENCY_ENABLED=$DEMO_AGENCY ;;
    esac
    [[ $app == gateway ]] || unset TOKEN_SIGNING_KEY # only the gateway signs
    # shellcheck disable=SC2016 # $$, $0 and $@ are the inner bash's
    exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" \
      "$JAVA" "${APP_JAVA_OPTS[@]}" -jar "$(jar_of "$app")" >"$log" 2>&1 </dev/null
  ) &
done
for app in "${APPS[@]}"; do
  for ((i = 0; i < 100; i++)); do [[ -s $PIDS/$app.app.pid ]] && break; sleep 0.05; done
  [[ -s $PIDS/$app.app.pid ]] || die "$app did not start"
  APP_PIDS+=("$(<"$PIDS/$app.app.pid")")
done

# ---- wait until every app is ready ----------------------------------------------------------------------------
ready() { curl -fsS -m 2 "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; }
show_log() { # app
  echo "---- last lines of $LOGS/$1.log"
  tail -n 40 "$LOGS/$1.log" || true
  echo "----"
}
pending=("${APPS[@]}")
deadline=$(($(date +%s) + READY_TIMEOUT))
printf 'run.sh: waiting for %s apps (up to %ss) ' "${#pending[@]}" "$READY_TIMEOUT"
while ((${#pending[@]} > 0)); do
  still=()
  for app in "${pending[@]}"; do
    pid=$(<"$PIDS/$app.app.pid")
    if ! alive "$pid" java; then
      echo
      show_log "$app"
      die "$app exited during start-up"
    elif ready "${PORT_OF[$app]}"; then
      printf '\n  %-24s ready after %ss ' "$app" "$(elapsed "$T_APPS")"
    else
      still+=("$app")
    fi
  done
  pending=("${still[@]}")
  ((${#pending[@]} > 0)) || break
  if (($(date +%s) >= deadline)); then
    echo
    for app in "${pending[@]}"; do
      show_log "$app"
      echo "$app: GET /actuator/health/readiness answers HTTP $(curl -s -o /dev/null -m 2 -w '%{http_code}' \
        "http://127.0.0.1:${PORT_OF[$app]}/actuator/health/readiness")"
    done
    die "not ready after ${READY_TIMEOUT}s: ${pending[*]}"
  fi
  printf '.'
  sleep 1
done
echo

# ---- figures, URLs ----------------------------------------------------------------------------------------------
rss_kb() { ps -o rss= -p "$1" 2>/dev/null | awk '{s += $1} END {print s + 0}'; }
total_kb=0
echo
say "all ${#APPS[@]} apps ready: cold start $(elapsed "$T0")s in all, $(elapsed "$T_APPS")s from the apps' launch"
echo "  resident memory (ps -o rss):"
for i in "${!APPS[@]}"; do
  kb=$(rss_kb "${APP_PIDS[$i]}")
  total_kb=$((total_kb + kb))
  printf '    %-24s pid %-8s %5d MB\n' "${APPS[$i]}" "${APP_PIDS[$i]}" $((kb / 1024))
done
if [[ -n $KAFKA_OURS ]] && [[ -f $RUN/kafka/kafka-${KAFKA_PORT:-9092}.pid ]]; then
  pid=$(<"$RUN/kafka/kafka-${KAFKA_PORT:-9092}.pid")
  kb=$(rss_kb "$pid")
  total_kb=$((total_kb + kb))
  printf '    %-24s pid %-8s %5d MB\n' kafka "$pid" $((kb / 1024))
fi
if [[ -n $PG_OURS ]] && [[ -f $CL_PG_EMBEDDED_DIR/data/postmaster.pid ]]; then
  pid=$(head -n 1 "$CL_PG_EMBEDDED_DIR/data/postmaster.pid")
  kb=$(($(rss_kb "$pid") + $(ps -o rss= --ppid "$pid" | awk '{s += $1} END {print s + 0}')))
  total_kb=$((total_kb + kb))
  printf '    %-24s pid %-8s %5d MB\n' "postgres (embedded)" "$pid" $((kb / 1024))
fi
printf '    %-24s %12s %5d MB\n' "sum" "" $((total_kb / 1024))

has() { [[ " ${APPS[*]} " == *" $1 "* ]]; }
line() { printf '  %-20s %s\n' "$1" "$2"; }
echo
line gateway http://127.0.0.1:8080
for app in identification-service sharing-service sanction-service repair-service publication-service; do
  if has "$app"; then line "${app%-service} API" "http://127.0.0.1:${PORT_OF[$app]}/v3/api-docs"; fi
done
line "public board" http://127.0.0.1:8080/api/board
if has simulator; then
  line "city platform" "http://127.0.0.1:8090/platforms/city/records  (what the simulated platform received)"
fi
line logs "$LOGS/<app>.log"
line database "$DATABASE_URL"
line kafka "$KAFKA_BOOTSTRAP_SERVERS"
echo
echo "  try:  curl -s http://127.0.0.1:8080/api/board"
echo "        TOKEN=\$(curl -s -u creditloop-admin:\${GATEWAY_DEV_SECRET:-creditloop-dev} -d grant_type=client_credentials \\"
echo "          http://127.0.0.1:8080/oauth2/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')"
echo "        curl -s -H \"Authorization: Bearer \$TOKEN\" http://127.0.0.1:8080/api/catalog/list-types"
echo
say "running; Ctrl-C (or ./run.sh --stop) stops everything"

# ---- wait; report an app that dies -------------------------------------------------------------------------------
declare -A REPORTED=()
while true; do
  sleep 2 &
  wait $! || true
  for i in "${!APPS[@]}"; do
    app=${APPS[$i]}
    if [[ -z ${REPORTED[$app]:-} ]] && ! alive "${APP_PIDS[$i]}" java; then
      REPORTED[$app]=1
      say "$app exited; the others keep running"
      show_log "$app"
    fi
  done
done
