#!/usr/bin/env bash
# Board search benchmark (issue 7, R7): requests/s and p50/p99 latency of the public board's search
# (GET /api/board?q=...) over N published entries, open loop at a fixed offered rate, with the in-memory search
# index (the default) and with every search reading the table (SEARCH_INDEX_ENABLED=false), next to a floor: one
# entry by id (GET /api/board/{id}: the same HTTP stack and one primary-key read). A benchmark, not a test.
#
#   bench/board/run.sh                                    1,000,000 entries, 1,000 req/s, 30 s per phase
#   ENTRIES=100000 RATE=500 SECONDS_PER_PHASE=10 bench/board/run.sh
#
# Build first: ./mvnw -B -o -pl publication-service -am package -DskipTests
#
# What it does: creates a fresh database creditloop_bench_board_<epoch>; starts its own Kafka broker with
# tools/kafka/kafka.sh on BENCH_KAFKA_PORT (19392; the service needs one to start, no events are sent); starts a copy
# of the publication-service exec jar once so Flyway makes the schema, stops it; loads ENTRIES synthetic entries into
# publication.board_entry with COPY (BoardBench.java gen: Chinese company names, valid USCCs, persons masked with
# their ID numbers keyed as the service keys them; secondary indexes dropped during the load and rebuilt); starts the
# service again (-Xmx$HEAP; the index is built from the table at start-up, timed from its log line); writes a list of
# URLS search URLs (BoardBench.java urls: the mix is described there) and runs each phase open loop at RATE req/s for
# SECONDS_PER_PHASE: the floor, the search mix, fragments only, whole USCCs only; then restarts the service with
# SEARCH_INDEX_ENABLED=false and runs the mix at TABLE_RATE. The load generator (OpenLoop.java: one thread, keep-alive
# connections) runs on the same machine; at most 256 requests in flight; latency counts from the scheduled send time.
# Stops what it started, drops the database, deletes its files (also on Ctrl-C or failure).
#
# Environment: ENTRIES (1000000), RATE (1000), TABLE_RATE (50), SECONDS_PER_PHASE (30), WARMUP_SECONDS (20),
# HEAP (1536m), URLS (20000), BENCH_PORT (18085), BENCH_KAFKA_PORT (19392), PGHOST/PGPORT/PGUSER
# (127.0.0.1/5432/postgres), KEEP_RESULTS (1: the output is also written to bench/board/results/), TABLE (1: run the
# table phase; 0 skips it), APP_JAVA_OPTS (extra JVM options of the service, e.g. a flight recording:
# -XX:StartFlightRecording=filename=/tmp/board.jfr,settings=profile), GENERATOR (http: the lean load generator,
# OpenLoop.java; http-jdk: the JDK's HttpClient, as before 2026-12-03 09:00), COMPARE_GENERATOR (1: the mix once
# more with the JDK's HttpClient, to show what the tool costs).
#
# Where the CPU goes: each phase line ends with the CPU time spent during the phase per request, in ms, of the
# service (its /proc/<pid>/stat), of the load generator (its own process CPU time), of the database's backends
# serving the service (pg_stat_activity of the benchmark's database) and of the whole machine (/proc/stat, both
# cores, everything running, other users' builds included); "of 2000" is what two cores offer per second.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
ENTRIES=${ENTRIES:-1000000}
RATE=${RATE:-1000}
TABLE_RATE=${TABLE_RATE:-50}
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-30}
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
HEAP=${HEAP:-1536m}
GENERATOR=${GENERATOR:-http}
URL_COUNT=${URLS:-20000}
APP_PORT=${BENCH_PORT:-18085}
KAFKA_PORT=${BENCH_KAFKA_PORT:-19392}
START_TIMEOUT=${START_TIMEOUT:-300}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
APP_JAR=${APP_JAR:-$ROOT/publication-service/target/publication-service-0.1.0-SNAPSHOT-exec.jar}
SECRET=creditloop-bench-board-subject-key
EPOCH=$(date +%s)
DB=creditloop_bench_board_$EPOCH
WORK=$(mktemp -d "/tmp/creditloop-bench-board-$EPOCH.XXXX")
APP=http://127.0.0.1:$APP_PORT
APP_PID=
KAFKA_STARTED=

if [[ ${KEEP_RESULTS:-1} == 1 ]]; then
  mkdir -p "$HERE/results"
  RESULT_FILE=$HERE/results/board-$(date -u +%Y%m%dT%H%M%SZ)-entries$ENTRIES-rate$RATE.txt
  exec > >(tee "$RESULT_FILE") 2>&1
fi


stop_app() {
  stop_pid "$APP_PID" publication-service
  APP_PID=
}

cleanup() {
  local rc=$?
  set +e
  stop_app
  release_servers
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[[ -f $APP_JAR ]] || { echo "no $APP_JAR; build: ./mvnw -B -o -pl publication-service -am package -DskipTests" >&2; exit 1; }
for p in "$APP_PORT" "$KAFKA_PORT" "$((KAFKA_PORT + 1))"; do
  port_open "$p" && { echo "127.0.0.1:$p is taken; set BENCH_PORT / BENCH_KAFKA_PORT" >&2; exit 1; }
done

log "entries=$ENTRIES rate=$RATE/s table-rate=$TABLE_RATE/s phase=${SECONDS_PER_PHASE}s heap=$HEAP database=$DB"
psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$DB\""
KAFKA_STARTED=1
KAFKA_PORT=$KAFKA_PORT "$ROOT/tools/kafka/kafka.sh" start
cp "$APP_JAR" "$WORK/app.jar"
javac -d "$WORK/classes" "$ROOT/bench/intake/Gen.java" "$ROOT/bench/credit-check/CheckBench.java" "$HERE/BoardBench.java" \
  "$ROOT/bench/common/OpenLoop.java"
BENCH=(java -Xmx256m -cp "$WORK/classes" BoardBench)

STARTS=0
start_app() { # extra environment assignments
  local started=$(date +%s%N)
  STARTS=$((STARTS + 1))
  APP_LOG=$WORK/publication-service-$STARTS.log
  env "$@" DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATABASE_USER=$PGUSER DB_POOL_SIZE=10 \
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT PORT=$APP_PORT SERVER_ADDRESS=127.0.0.1 SUBJECT_KEY_SECRET=$SECRET \
    WINDOW_INTERVAL=1h \
    java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError ${APP_JAVA_OPTS:-} -jar "$WORK/app.jar" >"$APP_LOG" 2>&1 </dev/null &
  APP_PID=$!
  wait_up "$APP" "$APP_PID" publication-service "$APP_LOG"
  log "publication-service up in $((($(date +%s%N) - started) / 1000000)) ms"
}

log "starting publication-service once for its schema"
start_app
stop_app

sql "SELECT indexdef || ';' FROM pg_indexes WHERE schemaname = 'publication' AND tablename = 'board_entry'
     AND indexname <> 'board_entry_pkey'" >"$WORK/indexes.sql"
sql "SELECT string_agg(format('DROP INDEX publication.%I', indexname), '; ') FROM pg_indexes
     WHERE schemaname = 'publication' AND tablename = 'board_entry' AND indexname <> 'board_entry_pkey'" \
  | psql -X -q -v ON_ERROR_STOP=1 -d "$DB"
log "loading $ENTRIES entries with COPY"
t0=$(date +%s)
"${BENCH[@]}" gen "$ENTRIES" "$SECRET" | psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c "\copy publication.board_entry
  (listing_id, version, list_kind, list_type_code, list_type_name, subject_type, subject_name, uscc, id_number_masked,
   reason, recognising_department, basis, recognition_date, valid_from, valid_until, published, published_at,
   id_number_key, listed) FROM STDIN"
t1=$(date +%s)
log "loaded in $((t1 - t0)) s; building $(wc -l <"$WORK/indexes.sql") indexes"
{ echo "SET maintenance_work_mem = '512MB';"; cat "$WORK/indexes.sql"; echo "ANALYZE publication.board_entry;"; } \
  | psql -X -q -v ON_ERROR_STOP=1 -d "$DB"
t2=$(date +%s)
log "indexes built in $((t2 - t1)) s; table $(sql "SELECT pg_size_pretty(pg_total_relation_size('publication.board_entry'))") with indexes"

"${BENCH[@]}" urls "$ENTRIES" "$SECRET" "$URL_COUNT" "$WORK/mix.txt"
grep -v 'q=9' "$WORK/mix.txt" | grep 'q=' | grep -v '&' >"$WORK/fragments.txt" || true
grep -E 'q=9[0-9A-Z]{17}$' "$WORK/mix.txt" >"$WORK/uscc.txt" || true
sql "SELECT '/api/board/' || listing_id FROM publication.board_entry TABLESAMPLE SYSTEM (1) LIMIT $URL_COUNT" >"$WORK/byid.txt"

log "starting publication-service with the search index"
start_app
built=$(grep -o 'board search index: .*' "$APP_LOG" | tail -1 || true)
until [[ -n $built ]]; do sleep 1; built=$(grep -o 'board search index: .*' "$APP_LOG" | tail -1 || true); done
log "$built"
jcmd "$APP_PID" GC.run >/dev/null # what stays: the index and the rest of the service, not garbage
heap=$(curl -s "$APP/actuator/metrics/jvm.memory.used?tag=area:heap" | grep -o '"value":[0-9.E]*' | head -1 | cut -d: -f2)
heap=$(awk "BEGIN {printf \"%.0f MB\", $heap / 1048576}")
rss=$(awk '/VmRSS/ {print $2 / 1024 " MB"}' "/proc/$APP_PID/status")

# CPU ms (utime + stime) of processes, from /proc/<pid>/stat
cpu_ms() {
  local total=0 pid ticks
  for pid in "$@"; do
    ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + ticks))
  done
  echo $((total * 1000 / $(getconf CLK_TCK)))
}
# busy CPU ms of the whole machine (all cores), from /proc/stat
machine_ms() { awk '/^cpu / {print int(($2 + $3 + $4 + $7 + $8) * 1000 / '"$(getconf CLK_TCK)"')}' /proc/stat; }
db_pids() { sql "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"; }

declare -A RESULTS
phase() { # name file rate
  log "phase $1 (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  local pids app0 db0 machine0 out app1 db1 machine1 requests generator
  pids=$(db_pids | tr '\n' ' ')
  app0=$(cpu_ms "$APP_PID"); db0=$(cpu_ms $pids); machine0=$(machine_ms)
  out=$("${BENCH[@]}" "$GENERATOR" "$APP" "$2" "$3" "$SECONDS_PER_PHASE" | tr '\n' ' ')
  app1=$(cpu_ms "$APP_PID"); db1=$(cpu_ms $pids); machine1=$(machine_ms)
  requests=$(($3 * SECONDS_PER_PHASE))
  generator=$(grep -o 'generator cpu ms [0-9]*' <<<"$out" | grep -o '[0-9]*$' || echo 0)
  RESULTS[$1]="$out; cpu ms per request: service $(awk "BEGIN {printf \"%.2f\", ($app1 - $app0) / $requests}"), \
generator $(awk "BEGIN {printf \"%.2f\", $generator / $requests}"), database $(awk "BEGIN {printf \"%.2f\", ($db1 - $db0) / $requests}"), \
machine $(awk "BEGIN {printf \"%.2f\", ($machine1 - $machine0) / $requests}"); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "  ${RESULTS[$1]}"
}
log "warm-up (${WARMUP_SECONDS}s of the mix and $((WARMUP_SECONDS / 2))s of the floor, half rate)"
"${BENCH[@]}" "$GENERATOR" "$APP" "$WORK/mix.txt" $((RATE / 2)) "$WARMUP_SECONDS" >/dev/null
"${BENCH[@]}" "$GENERATOR" "$APP" "$WORK/byid.txt" $((RATE / 2)) $((WARMUP_SECONDS / 2)) >/dev/null
phase "floor: entry by id" "$WORK/byid.txt" "$RATE"
phase "search mix, index" "$WORK/mix.txt" "$RATE"
phase "fragments, index" "$WORK/fragments.txt" "$RATE"
phase "whole USCC, index" "$WORK/uscc.txt" "$RATE"
if [[ ${COMPARE_GENERATOR:-1} == 1 ]]; then
  GENERATOR=http-jdk phase "search mix, index, JDK client" "$WORK/mix.txt" "$RATE"
fi
load_index=$(cut -d' ' -f1-3 /proc/loadavg)
stop_app

if [[ ${TABLE:-1} == 1 ]]; then
  log "restarting publication-service with SEARCH_INDEX_ENABLED=false"
  start_app SEARCH_INDEX_ENABLED=false
  "${BENCH[@]}" "$GENERATOR" "$APP" "$WORK/mix.txt" "$TABLE_RATE" 10 >/dev/null
  phase "search mix, table" "$WORK/mix.txt" "$TABLE_RATE"
fi

cat <<REPORT

== creditloop board search benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ) ==
setup      $ENTRIES published entries in publication.board_entry (70 % organisations, 30 % persons), loaded in
           $((t1 - t0)) s, indexes in $((t2 - t1)) s; publication-service -Xmx$HEAP pool 10;
           index: $built; heap used after start and a full GC ${heap:-?}, RSS $rss
           open loop for ${SECONDS_PER_PHASE}s per phase, latency from the scheduled send time; mix of $URL_COUNT URLs
           ($(wc -l <"$WORK/fragments.txt") fragment-only, $(wc -l <"$WORK/uscc.txt") USCC-only)
REPORT
for name in "floor: entry by id" "search mix, index" "fragments, index" "whole USCC, index" \
  "search mix, index, JDK client" "search mix, table"; do
  [[ -n ${RESULTS[$name]:-} ]] && printf '%-30s %s\n' "$name" "${RESULTS[$name]}"
done
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -sr)"
echo "load average after the index phases: $load_index; now $(cut -d' ' -f1-3 /proc/loadavg)"
free -g | head -2
java -version 2>&1 | head -1
psql -X -At -d postgres -c "SELECT version()"
echo "publication-service logs: $(cat "$WORK"/publication-service-*.log | grep -c ' ERROR ' || true) ERROR lines"
