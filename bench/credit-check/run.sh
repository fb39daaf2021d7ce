#!/usr/bin/env bash
# Credit-check benchmark (R9, R16): p50/p95/p99 latency and requests/s of GET /api/sanction/credit-check at fixed
# offered rates, with N subjects in the read model, sent to sanction-service directly and through the gateway, next
# to a plain JDBC point lookup as the floor. A benchmark, not a test: nothing here runs in the build.
#
#   bench/credit-check/run.sh                      10,000,000 subjects; 500, 1,000 and 2,000 req/s; 10 s per phase
#   SUBJECTS=1000000 RATES="2000" SECONDS_PER_PHASE=30 bench/credit-check/run.sh
#   SUBJECTS=100000 RATES=500 SECONDS_PER_PHASE=10 GATEWAY=0 bench/credit-check/run.sh
#
# Build first: ./mvnw -B -o -pl sanction-service,gateway -am package -DskipTests
#
# What it does: creates a fresh database creditloop_bench_check_<epoch>; starts its own Kafka broker with
# tools/kafka/kafka.sh on BENCH_KAFKA_PORT (19292; the service needs one to start, no events are sent); starts a copy
# of the sanction-service exec jar on BENCH_PORT (18083) and, unless GATEWAY=0, of the gateway exec jar on GW_PORT
# (18080) with SANCTION_URL pointing at it, all on 127.0.0.1 with -Xmx512m; after Flyway made the schema, drops the
# read model's secondary indexes, loads SUBJECTS synthetic subjects into sanction.credit_subject_listing with COPY
# (CheckBench.java gen: valid USCCs, resident IDs stored as their HMAC key with the benchmark's SUBJECT_KEY_SECRET and
# masked; 30 % persons), rebuilds the indexes as the migration defines them and ANALYZEs; warms up; then, for each
# offered rate in RATES, runs each phase open-loop for SECONDS_PER_PHASE: the JDBC floors (the USCC point lookup; the
# person check's one statement, lookup + R16 register insert, committed; the same with synchronous_commit off, to
# show what the WAL flush costs; the service does not do that), direct by USCC, direct by ID number (each
# one registered, R16: a write per request), direct miss, and the same three through the gateway (at most 256
# requests in flight; a request that waits for a free slot counts its wait). The machine's load average is recorded
# before and after every phase. The load generator runs on the same machine and shares its cores: the HTTP phases use
# bench/common/OpenLoop.java (one thread, one selector, keep-alive connections; the JDK HttpClient used before
# 2026-12-04 cost 1.35 CPU-ms per request, more than the service), and every phase prints what the generator spent
# per request. Stops what it started, drops the database, deletes its files (also on Ctrl-C or failure).
#
# Environment: SUBJECTS (10000000), RATES ("500 1000 2000"; RATE=n is taken as RATES=n), SECONDS_PER_PHASE (10),
# WARMUP_SECONDS (20), GATEWAY (1), ONLY (a regular expression: only the phases whose name matches, e.g. "^gateway"),
# JFR (1: record the service and the gateway with JFR's profile settings and print
# each one's hottest methods and the first io.creditloop/library frames of its CPU samples after the phases),
# BENCH_PORT (18083), GW_PORT (18080), BENCH_KAFKA_PORT (19292), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres),
# KEEP_RESULTS (1: the output is also written to bench/credit-check/results/).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
SUBJECTS=${SUBJECTS:-10000000}
RATES=${RATES:-${RATE:-500 1000 2000}}
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-10}
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
GATEWAY=${GATEWAY:-1}
APP_PORT=${BENCH_PORT:-18083}
GW_PORT=${GW_PORT:-18080}
KAFKA_PORT=${BENCH_KAFKA_PORT:-19292}
START_TIMEOUT=${START_TIMEOUT:-240}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
APP_JAR=${APP_JAR:-$ROOT/sanction-service/target/sanction-service-0.1.0-SNAPSHOT-exec.jar}
GW_JAR=${GW_JAR:-$ROOT/gateway/target/gateway-0.1.0-SNAPSHOT-exec.jar}
SECRET=creditloop-bench-check-subject-key
JFR=${JFR:-0}
ONLY=${ONLY:-.}
EPOCH=$(date +%s)
DB=creditloop_bench_check_$EPOCH
WORK=$(mktemp -d "/tmp/creditloop-bench-check-$EPOCH.XXXX")
APP=http://127.0.0.1:$APP_PORT
GW=http://127.0.0.1:$GW_PORT
APP_PID=
GW_PID=
KAFKA_STARTED=

if [[ ${KEEP_RESULTS:-1} == 1 ]]; then
  mkdir -p "$HERE/results"
  RESULT_FILE=$HERE/results/credit-check-$(date -u +%Y%m%dT%H%M%SZ)-subjects$SUBJECTS-rate${RATES// /-}.txt
  exec > >(tee "$RESULT_FILE") 2>&1
fi


cleanup() {
  local rc=$?
  set +e
  stop_pid "$GW_PID" gateway
  stop_pid "$APP_PID" sanction-service
  release_servers
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[[ -f $APP_JAR ]] || { echo "no $APP_JAR; build: ./mvnw -B -o -pl sanction-service,gateway -am package -DskipTests" >&2; exit 1; }
if [[ $GATEWAY == 1 ]]; then
  [[ -f $GW_JAR ]] || { echo "no $GW_JAR; build: ./mvnw -B -o -pl sanction-service,gateway -am package -DskipTests" >&2; exit 1; }
fi
for p in "$APP_PORT" "$GW_PORT" "$KAFKA_PORT" "$((KAFKA_PORT + 1))"; do
  port_open "$p" && { echo "127.0.0.1:$p is taken; set BENCH_PORT / GW_PORT / BENCH_KAFKA_PORT" >&2; exit 1; }
done

log "subjects=$SUBJECTS rates=$RATES req/s phase=${SECONDS_PER_PHASE}s gateway=$GATEWAY database=$DB"
log "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg); busiest processes:"
top -b -n 1 -o %CPU | sed -n '7,13p'
psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$DB\""
KAFKA_STARTED=1
KAFKA_PORT=$KAFKA_PORT "$ROOT/tools/kafka/kafka.sh" start
cp "$APP_JAR" "$WORK/app.jar"
javac -d "$WORK/classes" "$HERE/CheckBench.java" "$ROOT/bench/common/OpenLoop.java"
(cd "$WORK" && unzip -q -j app.jar 'BOOT-INF/lib/postgresql-*.jar' -d "$WORK/lib")
# R16: direct requests carry a service token as the gateway would forward it, for the agency public-resource-trading
export BENCH_SERVICE_TOKEN
BENCH_SERVICE_TOKEN=$(service_token "$WORK/app.jar" AGENCY public-resource-trading bench 6h)
BENCH=(java -Xmx256m -cp "$WORK/classes:$(ls "$WORK"/lib/postgresql-*.jar)" CheckBench)

# JFR=1: a recording per JVM, started once the phases begin (JFR.start below), so start-up and loading are left out
jfr_opts() { [[ $JFR == 1 ]] && echo "-XX:FlightRecorderOptions=stackdepth=128"; return 0; }
log "starting sanction-service on 127.0.0.1:$APP_PORT"
DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATABASE_USER=$PGUSER DB_POOL_SIZE=10 \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT PORT=$APP_PORT SERVER_ADDRESS=127.0.0.1 SUBJECT_KEY_SECRET=$SECRET \
  REMINDER_INTERVAL=24h \
  java -Xmx512m -XX:+ExitOnOutOfMemoryError $(jfr_opts sanction-service) -jar "$WORK/app.jar" >"$WORK/sanction-service.log" 2>&1 </dev/null &
APP_PID=$!
wait_up "$APP" "$APP_PID" sanction-service

# bulk load without the secondary indexes, then build them as the migration defines them
sql "SELECT indexdef || ';' FROM pg_indexes WHERE schemaname = 'sanction' AND tablename = 'credit_subject_listing'
     AND indexname <> 'credit_subject_listing_pkey'" >"$WORK/indexes.sql"
sql "SELECT string_agg(format('DROP INDEX sanction.%I', indexname), '; ') FROM pg_indexes
     WHERE schemaname = 'sanction' AND tablename = 'credit_subject_listing' AND indexname <> 'credit_subject_listing_pkey'" \
  | psql -X -q -v ON_ERROR_STOP=1 -d "$DB"
log "loading $SUBJECTS subjects with COPY"
t0=$(date +%s)
"${BENCH[@]}" gen "$SUBJECTS" "$SECRET" | psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c "\copy sanction.credit_subject_listing
  (listing_id, version, subject_key, subject_type, name, name_pinyin, name_initials, uscc, masked_id, list_type_code,
   list_type_name, list_kind, department, valid_from, valid_until, status) FROM STDIN"
t1=$(date +%s)
log "loaded in $((t1 - t0)) s; building $(wc -l <"$WORK/indexes.sql") indexes"
{ echo "SET maintenance_work_mem = '512MB';"; cat "$WORK/indexes.sql"; echo "ANALYZE sanction.credit_subject_listing;"; } \
  | psql -X -q -v ON_ERROR_STOP=1 -d "$DB"
t2=$(date +%s)
log "indexes built in $((t2 - t1)) s; table $(sql "SELECT pg_size_pretty(pg_total_relation_size('sanction.credit_subject_listing'))") with indexes"

if [[ $GATEWAY == 1 ]]; then
  cp "$GW_JAR" "$WORK/gateway.jar"
  log "starting gateway on 127.0.0.1:$GW_PORT -> $APP"
  # the gateway keeps its client registry in PostgreSQL; the bench's agency is a registered client whose token comes
  # from /oauth2/token, as a real agency's would; the per-client rate limit is lifted for the benchmark
  PORT=$GW_PORT SERVER_ADDRESS=127.0.0.1 SANCTION_URL=$APP \
    DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATABASE_USER=$PGUSER GATEWAY_DEV_SECRET=bench-bootstrap-secret \
    GATEWAY_RATE_LIMIT=1000000 GATEWAY_TOKEN_TTL=6h \
    java -Xmx512m -XX:+ExitOnOutOfMemoryError $(jfr_opts gateway) -jar "$WORK/gateway.jar" >"$WORK/gateway.log" 2>&1 </dev/null &
  GW_PID=$!
  wait_up "$GW" "$GW_PID" gateway
  field() { python3 -c "import json, sys; print(json.load(sys.stdin)['$1'])"; }
  admin=$(curl -sf -H 'Content-Type: application/json' \
    -d '{"username":"creditloop-admin","password":"bench-bootstrap-secret"}' "$GW/auth/login" | field access_token)
  client_secret=$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"clientId":"bench-public-resource-trading","kind":"AGENCY","code":"public-resource-trading","name":"bench"}' \
    "$GW/gateway/clients" | field clientSecret)
  export BENCH_GATEWAY=$GW BENCH_GATEWAY_TOKEN
  BENCH_GATEWAY_TOKEN=$(curl -sf -u "bench-public-resource-trading:$client_secret" -d grant_type=client_credentials \
    "$GW/oauth2/token" | field access_token)
fi

declare -A RESULTS
PHASES=("jdbc floor, USCC" "jdbc floor, person+register" "jdbc, person, async commit" "direct, by USCC" "direct, by ID number" "direct, miss"
        "gateway, by USCC" "gateway, by ID number" "gateway, miss")
load1() { cut -d' ' -f1 /proc/loadavg; }
# CPU time (user + system, clock ticks) of the given processes; what each request costs, whatever else runs
cpu_ticks() {
  local total=0 p
  for p in "$@"; do
    [[ -r /proc/$p/stat ]] && total=$((total + $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}
TICK_MS=$((1000 / $(getconf CLK_TCK)))
# transactions committed in the benchmark's database (every process's; a JDBC floor's too): each one of the service's
# that wrote something waits for a WAL flush; structural, so it does not depend on the machine's load
commits() { sql "SELECT xact_commit FROM pg_stat_database WHERE datname = '$DB'"; }
backends() { sql "SELECT pid FROM pg_stat_activity WHERE datname = '$DB' AND pid <> pg_backend_pid()"; }
pg_delta() { # name of an associative array pid -> ticks at the start
  local -n start=$1
  local total=0 p now
  for p in $(backends); do
    now=$(cpu_ticks "$p")
    total=$((total + now - ${start[$p]:-0}))
  done
  echo "$total"
}
phase() { # rate, name, then CheckBench arguments
  local rate=$1 name=$2; shift 2
  [[ $name =~ $ONLY ]] || return 0
  local before app0 gw0 commits0 out p
  before=$(load1)
  # the pooled backends' CPU: per backend, its ticks at the end less those at the start (a backend opened during the
  # phase counts whole; one closed during it, e.g. retired by the pool after its 30-minute life, is left out, so the
  # figure never goes negative); a JDBC floor's own backend has gone by the end (not counted)
  local -A pg0=()
  for p in $(backends); do pg0[$p]=$(cpu_ticks "$p"); done
  app0=$(cpu_ticks "$APP_PID"); gw0=$(cpu_ticks ${GW_PID:-}); commits0=$(commits)
  log "phase $name at $rate req/s"
  out=$("${BENCH[@]}" "$@" | tr '\n' ' ')
  local n=$((rate * SECONDS_PER_PHASE))
  local cpu
  cpu=$(awk -v a=$(($(cpu_ticks "$APP_PID") - app0)) -v g=$(($(cpu_ticks ${GW_PID:-}) - gw0)) \
    -v p="$(pg_delta pg0)" -v t="$TICK_MS" -v n="$n" \
    'BEGIN { printf "cpu ms/request: service %.2f gateway %.2f postgres(pool) %.2f", a*t/n, g*t/n, p*t/n }')
  cpu="$cpu; commits/request $(awk -v c=$(($(commits) - commits0)) -v n="$n" 'BEGIN { printf "%.2f", c/n }')"
  RESULTS[$rate/$name]="${out}load ${before}->$(load1); $cpu"
  echo "  ${RESULTS[$rate/$name]}"
}

FIRST_RATE=${RATES%% *}
log "warm-up (${WARMUP_SECONDS}s per target at $FIRST_RATE req/s)"
"${BENCH[@]}" http "$APP" uscc "$FIRST_RATE" "$WARMUP_SECONDS" "$SUBJECTS" >/dev/null
"${BENCH[@]}" http "$APP" idNumber "$FIRST_RATE" "$WARMUP_SECONDS" "$SUBJECTS" >/dev/null
[[ $GATEWAY == 1 ]] && "${BENCH[@]}" http "$GW" uscc "$FIRST_RATE" "$WARMUP_SECONDS" "$SUBJECTS" >/dev/null

JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
if [[ $JFR == 1 ]]; then
  jcmd "$APP_PID" JFR.start name=bench settings=profile >/dev/null
  [[ $GATEWAY == 1 ]] && jcmd "$GW_PID" JFR.start name=bench settings=profile >/dev/null
fi
for rate in $RATES; do
  phase "$rate" "jdbc floor, USCC" jdbc "$JDBC_URL" "$rate" "$SECONDS_PER_PHASE" "$SUBJECTS" uscc
  phase "$rate" "jdbc floor, person+register" jdbc "$JDBC_URL" "$rate" "$SECONDS_PER_PHASE" "$SUBJECTS" person "$SECRET"
  phase "$rate" "jdbc, person, async commit" jdbc "$JDBC_URL" "$rate" "$SECONDS_PER_PHASE" "$SUBJECTS" person-async \
    "$SECRET"
  phase "$rate" "direct, by USCC" http "$APP" uscc "$rate" "$SECONDS_PER_PHASE" "$SUBJECTS"
  phase "$rate" "direct, by ID number" http "$APP" idNumber "$rate" "$SECONDS_PER_PHASE" "$SUBJECTS"
  phase "$rate" "direct, miss" http "$APP" miss "$rate" "$SECONDS_PER_PHASE" "$SUBJECTS"
  if [[ $GATEWAY == 1 ]]; then
    phase "$rate" "gateway, by USCC" http "$GW" uscc "$rate" "$SECONDS_PER_PHASE" "$SUBJECTS"
    phase "$rate" "gateway, by ID number" http "$GW" idNumber "$rate" "$SECONDS_PER_PHASE" "$SUBJECTS"
    phase "$rate" "gateway, miss" http "$GW" miss "$rate" "$SECONDS_PER_PHASE" "$SUBJECTS"
  fi
done
registered=$(sql "SELECT count(*) FROM sanction.credit_check_register")
plan=$(psql -X -At -d "$DB" -c "EXPLAIN SELECT * FROM sanction.credit_subject_listing WHERE uscc = '914202000000000001' AND status = 'IN_FORCE'" | head -1)

cat <<REPORT

== creditloop credit-check benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ) ==
setup      $SUBJECTS subjects (one listing each, 30 % persons) in sanction.credit_subject_listing, loaded in $((t1 - t0)) s,
           indexes in $((t2 - t1)) s; sanction-service -Xmx512m pool 10; gateway $([[ $GATEWAY == 1 ]] && echo on || echo off);
           open loop at $RATES req/s, ${SECONDS_PER_PHASE}s per phase, latency from the scheduled send time;
           "load a->b" = the machine's 1-minute load average before and after the phase; "cpu ms/request" = CPU time
           the process used during the phase / requests (postgres: the service's pooled backends only);
           "commits/request" = transactions committed in the database during the phase / requests
REPORT
for rate in $RATES; do
  echo "-- offered $rate req/s"
  for name in "${PHASES[@]}"; do
    [[ -n ${RESULTS[$rate/$name]:-} ]] && printf '%-28s %s\n' "$name" "${RESULTS[$rate/$name]}"
  done
done
echo "register   $registered person checks registered (R16)"
echo "plan       $plan"
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
free -g | head -2
java -version 2>&1 | head -1
psql -X -At -d postgres -c "SELECT version()"
echo "sanction-service log: $(grep -c ' ERROR ' "$WORK/sanction-service.log" || true) ERROR lines"
jfr_report() { # pid name: the recording of all phases; hottest methods (top frames) and entry points
  local f=$WORK/$2.jfr
  jcmd "$1" JFR.dump name=bench filename="$f" >/dev/null 2>&1 || return 0
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$f" >"$WORK/$2.samples" 2>/dev/null || true
  awk '/stackTrace = \[/ { on = 1; line = ""; next }
       on && /^ *\]/ { on = 0; print line; next }
       on { g = $0; sub(/^ +/, "", g); sub(/\(.*/, "", g); sub(/ +line:.*/, "", g); line = line (line == "" ? "" : " < ") g }' \
    "$WORK/$2.samples" >"$WORK/$2.frames"
  echo
  echo "JFR $2: $(wc -l <"$WORK/$2.frames") CPU samples (Java frames) over all phases; top frames:"
  { awk -F' < ' '{ print $1 }' "$WORK/$2.frames" | sort | uniq -c | sort -rn | head -25 | sed 's/^/    /'; } || true
  echo "  the first io.creditloop frame below the top (inclusive):"
  awk -F' < ' '{ for (i = 1; i <= NF; i++) if ($i ~ /^io\.creditloop/) { print $i; next } print "(none)" }' \
    "$WORK/$2.frames" | sort | uniq -c | sort -rn | head -15 | sed 's/^/    /' || true
  cp "$f" "/tmp/credit-check-$EPOCH-$2.jfr" 2>/dev/null && echo "  recording kept: /tmp/credit-check-$EPOCH-$2.jfr" || true
}
if [[ $JFR == 1 ]]; then
  jfr_report "$APP_PID" sanction-service
  [[ $GATEWAY == 1 ]] && jfr_report "$GW_PID" gateway
fi
