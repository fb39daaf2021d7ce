#!/usr/bin/env bash
# Spreadsheet-intake benchmark (issue 3): rows/s of the intake path (validation + storage in chunks of
# creditloop.intake.chunk-rows rows per transaction through ListingService.submitAll) next to raw PostgreSQL COPY of
# the same rows, in the same run, on this machine.
#
#   bench/intake/run.sh                          100000 rows, CSV
#   ROWS=1000000 FORMAT=xlsx bench/intake/run.sh a million rows as one .xlsx sheet
#
# What it does: creates a fresh database creditloop_bench_<epoch>; starts a Kafka broker of its own with
# tools/kafka/kafka.sh on BENCH_KAFKA_PORT (19092, so a broker another job runs on 9092 is not touched) and a copy
# of the identification-service exec jar with -Xmx512m on BENCH_PORT (18081), both bound to 127.0.0.1; generates the
# CSV (Gen.java); (a) COPYs it into a plain table with the same columns (psql \copy, the floor); (b) uploads it to
# POST /api/intake/uploads and polls until DONE or FAILED. Then prints the table and the machine, stops what it
# started, drops the database and deletes its temporary files (also on Ctrl-C or failure).
#
# Environment: ROWS (100000), FORMAT (csv | xlsx: the same rows converted by ToXlsx.java with POI's streaming writer), BENCH_PORT (18081), BENCH_KAFKA_PORT (19092), PGHOST (127.0.0.1), PGPORT (5432),
# PGUSER (postgres), POLL_TIMEOUT seconds (1200), START_TIMEOUT seconds (180), JAR (the built exec jar),
# KEEP_RESULTS (1: the output is also written to bench/intake/results/), PROFILE (1: sample the intake thread's
# stack with jcmd Thread.print while it runs and count the frames; costs a little throughput), JFR (1: run the
# service with Java Flight Recorder's profile settings and print the CPU samples of the upload summarised by top
# frame and by io.creditloop frame).
#
# Issue 9 adds (a') the Kafka floor: KafkaFloor.java sends the same CSV rows' bytes with a plain KafkaProducer
# (acks=all, idempotent, as the services' producer) to a topic of this run's own broker; the ratios are reported
# against the slower of the two floors. It also reports CPU ms per row of the service and of this database's
# PostgreSQL backends, the figures that hold on a shared machine, and the service's CPU by thread (/proc/PID/task): on
# a fresh JVM the JIT compiler threads are half of it at 100,000 rows and a fifth at 1,000,000.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
ROWS=${ROWS:-100000}
APP_PORT=${BENCH_PORT:-18081}
KAFKA_PORT=${BENCH_KAFKA_PORT:-19092}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
POLL_TIMEOUT=${POLL_TIMEOUT:-1200}
START_TIMEOUT=${START_TIMEOUT:-180}
JAR=${JAR:-$ROOT/identification-service/target/identification-service-0.1.0-SNAPSHOT-exec.jar}
EPOCH=$(date +%s)
DB=creditloop_bench_$EPOCH
WORK=$(mktemp -d "/tmp/creditloop-bench-$EPOCH.XXXX")
BASE=http://127.0.0.1:$APP_PORT
APP_PID=
KAFKA_STARTED=

if [[ ${KEEP_RESULTS:-1} == 1 ]]; then
  mkdir -p "$HERE/results"
  RESULT_FILE=$HERE/results/intake-$(date -u +%Y%m%dT%H%M%SZ)-rows$ROWS.txt
  exec > >(tee "$RESULT_FILE") 2>&1
fi

now_ns() { date +%s%N; }
secs() { awk -v n="$1" 'BEGIN { printf "%.3f", n / 1e9 }'; } # ns → s
rate() { awk -v r="$1" -v ns="$2" 'BEGIN { if (ns > 0) printf "%.0f", r / (ns / 1e9); else print "n/a" }'; }
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
hwm_kb() { awk '/^VmHWM/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

cleanup() {
  local rc=$?
  set +e
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping identification-service (pid $APP_PID)"
    kill -TERM "$APP_PID"
    for _ in $(seq 1 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$APP_PID" 2>/dev/null && { log "still running after 30s: SIGKILL"; kill -KILL "$APP_PID"; }
    wait "$APP_PID" 2>/dev/null
  fi
  release_servers
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[[ -f $JAR ]] || { echo "no $JAR; build it: ./mvnw -B -q -o -pl contracts,messaging,calendar,identification-service -am -DskipTests install" >&2; exit 1; }
for p in "$APP_PORT" "$KAFKA_PORT" "$((KAFKA_PORT + 1))"; do
  port_open "$p" && { echo "127.0.0.1:$p is taken; set BENCH_PORT / BENCH_KAFKA_PORT" >&2; exit 1; }
done

log "rows=$ROWS database=$DB work=$WORK"
psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$DB\""

# Kafka: the service starts without it, but its outbox relay would log an error per attempt
KAFKA_STARTED=1
KAFKA_PORT=$KAFKA_PORT "$ROOT/tools/kafka/kafka.sh" start

# a copy of the jar: a rebuild by someone else during the run must not change what is measured
cp "$JAR" "$WORK/app.jar"
mkdir -p "$WORK/intake"
JFR_OPTS=()
[[ ${JFR:-0} == 1 ]] && JFR_OPTS=(-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=settings=profile,filename=$WORK/app.jfr,name=bench)
log "starting identification-service on 127.0.0.1:$APP_PORT (-Xmx512m)"
t_start=$(now_ns)
DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATABASE_USER=$PGUSER \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT PORT=$APP_PORT SERVER_ADDRESS=127.0.0.1 \
  INTAKE_STORAGE_DIR="$WORK/intake" INTAKE_MAX_FILE_SIZE=${INTAKE_MAX_FILE_SIZE:-2GB} \
  java -Xmx512m -XX:+ExitOnOutOfMemoryError "${JFR_OPTS[@]}" -jar "$WORK/app.jar" >"$WORK/app.log" 2>&1 </dev/null &
APP_PID=$!
deadline=$(($(date +%s) + START_TIMEOUT))
until [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health" || true) == 200 ]]; do
  if ! kill -0 "$APP_PID" 2>/dev/null || (($(date +%s) >= deadline)); then
    log "identification-service did not start; last lines of its log:"
    tail -n 40 "$WORK/app.log"
    exit 1
  fi
  sleep 0.5
done
startup_s=$(secs $(($(now_ns) - t_start)))
rss_idle_kb=$(rss_kb "$APP_PID")
log "identification-service up in ${startup_s}s, RSS $((rss_idle_kb / 1024)) MB"

CSV=$WORK/rows.csv
java "$HERE/Gen.java" "$ROWS" "$CSV"
csv_bytes=$(stat -c %s "$CSV")
FORMAT=${FORMAT:-csv}
case $FORMAT in
  csv) UPLOAD=$CSV; UPLOAD_TYPE=text/csv ;;
  xlsx)
    (cd "$ROOT" && ./mvnw -B -q -o -pl identification-service dependency:build-classpath \
      -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >/dev/null)
    UPLOAD=$WORK/rows.xlsx
    UPLOAD_TYPE=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
    java -Xmx4g -cp "$(cat "$WORK/cp.txt")" "$HERE/ToXlsx.java" "$CSV" "$UPLOAD" ;;
  *) echo "FORMAT must be csv or xlsx" >&2; exit 2 ;;
esac
upload_bytes=$(stat -c %s "$UPLOAD")
metric() { curl -sS "$BASE/actuator/prometheus" | awk -v m="$1" '$1 == m { print $2 }'; }

# (a) the floor: the same rows into a plain table of the same columns, no indexes, one COPY
sql "CREATE TABLE bench_copy (seq INT, list_type TEXT, name TEXT, uscc TEXT, legal_representative TEXT,
       id_number TEXT, reason TEXT, recognising_department TEXT, basis TEXT, recognition_date TEXT, validity TEXT)"
log "COPY $ROWS rows"
t0=$(now_ns)
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c "\\copy bench_copy FROM '$CSV' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')"
copy_ns=$(($(now_ns) - t0))
copy_rows=$(sql "SELECT count(*) FROM bench_copy")
copy_rate=$(rate "$copy_rows" "$copy_ns")
log "COPY: $copy_rows rows in $(secs "$copy_ns")s = $copy_rate rows/s"
sql "DROP TABLE bench_copy"

# (a') the Kafka floor: the same rows' bytes through a plain producer, acks=all, to a topic of this run's broker
mkdir -p "$WORK/kafka-lib"
unzip -q -o -j "$WORK/app.jar" 'BOOT-INF/lib/kafka-clients-*.jar' 'BOOT-INF/lib/slf4j-api-*.jar' 'BOOT-INF/lib/lz4-java-*.jar' \
  'BOOT-INF/lib/snappy-java-*.jar' 'BOOT-INF/lib/zstd-jni-*.jar' -d "$WORK/kafka-lib"
log "Kafka producer floor, $ROWS rows"
read -r kafka_rows kafka_ns kafka_bytes < <(java -Xmx512m -cp "$(ls "$WORK"/kafka-lib/*.jar | tr '\n' ':')" \
  "$HERE/KafkaFloor.java" "127.0.0.1:$KAFKA_PORT" "bench.intake.floor" "$CSV" 2>"$WORK/kafka-floor.log")
kafka_rate=$(rate "$kafka_rows" "$kafka_ns")
log "Kafka: $kafka_rows rows in $(secs "$kafka_ns")s = $kafka_rate rows/s"
slower_rate=$(awk -v a="$copy_rate" -v b="$kafka_rate" 'BEGIN { print (a < b ? a : b) }')
slower_name=$( ((copy_rate <= kafka_rate)) && echo COPY || echo Kafka)

# (b) end to end through HTTP
stats() { psql -X -At -F ' ' -d postgres -c "SELECT xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database WHERE datname = '$DB'"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; } # utime + stime, clock ticks
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $5 + $6 }' /proc/stat; } # all, idle+iowait
tables() { sql "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(idx_scan, 0), coalesce(seq_scan, 0)
                FROM pg_stat_user_tables WHERE schemaname = 'identification' ORDER BY relname" | tr "|" " " | LC_ALL=C sort; }
sleep 1
read -r xc0 ti0 tu0 td0 < <(stats)
map0=$(metric creditloop_intake_mapping_seconds_sum); chunk0=$(metric creditloop_intake_chunk_seconds_sum)
tables >"$WORK/tables0"
ins0=$(awk '$1 == "outbox" { print $2 }' "$WORK/tables0")
# CPU of this database's PostgreSQL backends (the service's pool, the statistics reads): per pid, clock ticks
pg_ticks() { for p in $(psql -X -At -d postgres -c "SELECT pid FROM pg_stat_activity WHERE datname = '$DB'"); do
  echo "$p $(cpu_ticks "$p")"; done | LC_ALL=C sort; }
pg_ticks >"$WORK/pg0"
app_cpu0=$(cpu_ticks "$APP_PID")
# per thread of the service: "tid ticks name" (the name may hold spaces; /proc/PID/task/TID/stat's fields after it)
thread_ticks() { for t in /proc/"$1"/task/*; do
  awk -v tid="${t##*/}" '{ s = $0; sub(/^[0-9]+ \(/, "", s); name = s; sub(/\) [A-Z] .*$/, "", name); sub(/^.*\) [A-Z] /, "", s)
    split(s, f, " "); gsub(/ /, "_", name); print tid, f[11] + f[12], name }' "$t/stat" 2>/dev/null; done | LC_ALL=C sort; }
thread_ticks "$APP_PID" >"$WORK/threads0"
read -r m_all0 m_idle0 < <(machine_ticks)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# R16: the upload is the tax bureau's, with a token as the gateway would forward it
TOKEN=$(service_token "$WORK/app.jar" DEPARTMENT tax bench 6h)
log "uploading"
t_up=$(now_ns)
curl -sS -f -H "Authorization: Bearer $TOKEN" -o "$WORK/post.json" -D "$WORK/post.headers" \
  -F "file=@$UPLOAD;type=$UPLOAD_TYPE;filename=bench-$ROWS.$FORMAT" -F department=tax "$BASE/api/intake/uploads"
t_answered=$(now_ns)
id=$(jq -r .id "$WORK/post.json")
log "upload $id answered in $(secs $((t_answered - t_up)))s ($(grep -i '^HTTP' "$WORK/post.headers" | tail -1 | tr -d '\r'))"
state=RECEIVED
rss_max_kb=0
deadline=$(($(date +%s) + POLL_TIMEOUT))
while :; do
  curl -sS -f -H "Authorization: Bearer $TOKEN" -o "$WORK/view.json" "$BASE/api/intake/uploads/$id"
  state=$(jq -r .state "$WORK/view.json")
  r=$(rss_kb "$APP_PID")
  ((r > rss_max_kb)) && rss_max_kb=$r
  [[ $state == DONE || $state == FAILED ]] && break
  if [[ ${PROFILE:-0} == 1 && $state == RUNNING ]]; then # a poor man's profiler: the intake thread's stack
    for _ in 1 2 3 4; do
      jcmd "$APP_PID" Thread.print 2>/dev/null | awk '/^"intake-/ { on = 1; next } on && /^$/ { exit } on' >>"$WORK/stacks.txt"
      echo "--" >>"$WORK/stacks.txt"
      sleep 0.4
    done
  fi
  if (($(date +%s) >= deadline)); then
    log "not finished after ${POLL_TIMEOUT}s; stopping here: $(jq -c '{state,rowsRead,accepted,rejected,duplicates}' "$WORK/view.json")"
    break
  fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then log "identification-service exited"; tail -n 40 "$WORK/app.log"; exit 1; fi
  sleep 2
done
t_seen=$(now_ns)
app_cpu1=$(cpu_ticks "$APP_PID")
thread_ticks "$APP_PID" >"$WORK/threads1"
pg_ticks >"$WORK/pg1"
read -r m_all1 m_idle1 < <(machine_ticks)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
jq -c '{state,template,rowsRead,accepted,rejected,duplicates,receivedAt,startedAt,finishedAt,failureReason}' "$WORK/view.json"
heap_info=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -iE 'total|used' | head -3 | sed 's/^ */    /' || true)
rss_end_kb=$(rss_kb "$APP_PID")
hwm_kb=$(hwm_kb "$APP_PID")
sleep 1 # the statistics collector flushes about once a second
read -r xc1 ti1 tu1 td1 < <(stats)
accepted_metric_rows=$(jq -r .accepted "$WORK/view.json")
map1=$(metric creditloop_intake_mapping_seconds_sum); chunk1=$(metric creditloop_intake_chunk_seconds_sum)
vs_s=$(awk -v a="$map0" -v b="$map1" -v c="$chunk0" -v d="$chunk1" 'BEGIN { printf "%.3f", (b - a) + (d - c) }')
vs_rate=$(awk -v n="$accepted_metric_rows" -v s="$vs_s" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }')
tables >"$WORK/tables1"

accepted=$(jq -r .accepted "$WORK/view.json")
rejected=$(jq -r .rejected "$WORK/view.json")
duplicates=$(jq -r .duplicates "$WORK/view.json")
rows_read=$(jq -r .rowsRead "$WORK/view.json")
to_ns() { [[ $1 == null ]] && echo 0 || date -d "$1" +%s%N; }
started_ns=$(to_ns "$(jq -r .startedAt "$WORK/view.json")")
finished_ns=$(to_ns "$(jq -r .finishedAt "$WORK/view.json")")
[[ $finished_ns == 0 ]] && finished_ns=$t_seen # not finished: up to the last poll
proc_ns=$((finished_ns - started_ns))
wall_ns=$((finished_ns - t_up))
intake_rate=$(rate "$accepted" "$proc_ns")
e2e_rate=$(rate "$accepted" "$wall_ns")
# issue 9: the relay deletes what it sent (published-retention 0s), so rows written are counted as inserts
outbox_ins() { awk '$1 == "outbox" { print $2 }' "$1"; }
outbox=$(( $(outbox_ins "$WORK/tables1") - ${ins0:-0} ))
outbox_unsent=$(sql "SELECT count(*) FROM identification.outbox WHERE published_at IS NULL")
outbox_published=$((outbox - outbox_unsent))
listings=$(sql "SELECT count(*) FROM identification.listing" 2>/dev/null || echo n/a)
db_size=$(sql "SELECT pg_size_pretty(pg_database_size(current_database()))")
rejection_sample=$(sql "SELECT field || ': ' || message FROM identification.intake_rejection LIMIT 3" || true)
pct() { awk -v a="$1" -v c="$2" 'BEGIN { if (c > 0) printf "%.2f %%", 100 * a / c; else print "n/a" }'; }
ratio=$(pct "$intake_rate" "$copy_rate"); vs_ratio=$(pct "$vs_rate" "$copy_rate")
k_ratio=$(pct "$intake_rate" "$kafka_rate"); k_vs_ratio=$(pct "$vs_rate" "$kafka_rate")
s_ratio=$(pct "$intake_rate" "$slower_rate"); s_vs_ratio=$(pct "$vs_rate" "$slower_rate")
hz=$(getconf CLK_TCK)
app_ms_row=$(awk -v t=$((app_cpu1 - app_cpu0)) -v hz="$hz" -v n="$accepted" 'BEGIN { if (n > 0) printf "%.3f", 1000 * t / hz / n; else print "n/a" }')
pg_cpu_ticks=$(LC_ALL=C join -a 2 -e 0 -o 0,1.2,2.2 "$WORK/pg0" "$WORK/pg1" | awk '{ s += $3 - $2 } END { print s + 0 }')
pg_ms_row=$(awk -v t="$pg_cpu_ticks" -v hz="$hz" -v n="$accepted" 'BEGIN { if (n > 0) printf "%.3f", 1000 * t / hz / n; else print "n/a" }')
per_row() { awk -v d="$1" -v n="$rows_read" 'BEGIN { if (n > 0) printf "%.1f", d / n; else print "n/a" }'; }

cat <<EOF

== creditloop spreadsheet intake benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ) ==
rows generated           $ROWS (Huangshi annex 1, department tax, TAX_MAJOR_VIOLATION); CSV UTF-8 $((csv_bytes / 1024)) KiB; uploaded as $FORMAT, $((upload_bytes / 1024)) KiB
(a) COPY floor           $copy_rows rows in $(secs "$copy_ns") s = $copy_rate rows/s   (psql \\copy into a plain 11-column table, no index)
(a') Kafka floor         $kafka_rows rows in $(secs "$kafka_ns") s = $kafka_rate rows/s   (KafkaProducer, acks=all, idempotent, the CSV lines keyed by USCC, $((kafka_bytes / 1024)) KiB; own broker)
slower floor             $slower_name, $slower_rate rows/s
(b) validation+storage   $accepted accepted in $vs_s s = $vs_rate rows/s   (mapping + chunk transactions, from the service's creditloop.intake.* timers: no file reading)
(b) intake, processing   $accepted accepted in $(secs "$proc_ns") s = $intake_rate rows/s   (startedAt → finishedAt: read, map, validate, store)
(b) intake, end to end   $(secs "$wall_ns") s wall = $e2e_rate rows/s   (POST sent → finishedAt; the POST itself answered in $(secs $((t_answered - t_up))) s)
upload outcome           state $state, read $rows_read, accepted $accepted, rejected $rejected, duplicates $duplicates
ratio intake / COPY      $ratio processing, $vs_ratio validation+storage alone
ratio intake / Kafka     $k_ratio processing, $k_vs_ratio validation+storage alone
ratio intake / slower    $s_ratio processing, $s_vs_ratio validation+storage alone   (issue 9 goal: ≥ 25 % of the slower floor)
CPU per accepted row     identification-service $app_ms_row ms, PostgreSQL backends of this database $pg_ms_row ms   (upload → DONE; the relay's sends and updates included)
outbox rows written      $outbox ($outbox_published relayed to Kafka by the time of reading; inserts from pg_stat_user_tables less the rows still unsent)
listings in the database $listings; database size $db_size
PostgreSQL during intake $((xc1 - xc0)) commits ($(per_row $((xc1 - xc0)))/row), $((ti1 - ti0)) tuples inserted ($(per_row $((ti1 - ti0)))/row), $((tu1 - tu0)) updated ($(per_row $((tu1 - tu0)))/row)  (whole database, includes the relay and schedulers)
CPU during the upload    identification-service $(awk -v t=$((app_cpu1 - app_cpu0)) -v hz="$(getconf CLK_TCK)" -v ns=$((t_seen - t_up)) 'BEGIN { printf "%.1f s = %.0f %% of one core", t / hz, 100 * t / hz / (ns / 1e9) }'); whole machine $(awk -v a=$((m_all1 - m_all0)) -v i=$((m_idle1 - m_idle0)) -v n="$(nproc)" 'BEGIN { if (a > 0) printf "%.0f %% busy of %d cores", 100 * (a - i) / a, n }'); load average before $load_before, after $load_after
JVM                      -Xmx512m; RSS idle $((rss_idle_kb / 1024)) MB, max sampled while polling $((rss_max_kb / 1024)) MB, peak (VmHWM) $((hwm_kb / 1024)) MB, at the end $((rss_end_kb / 1024)) MB; startup ${startup_s} s
heap after the run (jcmd GC.heap_info):
$heap_info
EOF
echo "per data row, by table (identification schema, from pg_stat_user_tables; the outbox relay's deletes, or with a published-retention its updates, included):"
LC_ALL=C join "$WORK/tables0" "$WORK/tables1" | awk -v n="$rows_read" 'n > 0 {
  ins = ($7 - $2) / n; upd = ($8 - $3) / n; del = ($9 - $4) / n; idx = ($10 - $5) / n; seq = ($11 - $6) / n
  if (ins + upd + del + idx + seq > 0.001)
    printf "    %-26s insert %5.2f  update %5.2f  delete %5.2f  index scans %5.2f  seq scans %5.2f\n", $1, ins, upd, del, idx, seq }'
echo "service CPU by thread during the upload (from /proc/PID/task; the threads of one pool summed, their numbers shown as N):"
LC_ALL=C join -a 2 -e 0 -o 0,1.2,2.2,2.3 "$WORK/threads0" "$WORK/threads1" 2>/dev/null |
  awk -v hz="$(getconf CLK_TCK)" -v total=$((app_cpu1 - app_cpu0)) '{ name = $4; gsub(/_/, " ", name); gsub(/[0-9]+/, "N", name)
      c[name] += $3 - $2 }
    END { for (k in c) if (c[k] > 0) printf "    %7.1f s %5.1f %%  %s\n", c[k] / hz, (total > 0 ? 100 * c[k] / total : 0), k }' |
  sort -rn | head -15 || true
[[ -n $rejection_sample ]] && echo "first rejections: $rejection_sample"
if [[ -s $WORK/stacks.txt ]]; then
  samples=$(grep -c '^--' "$WORK/stacks.txt")
  echo "intake thread, $samples stack samples (PROFILE=1): top frame, then the io.creditloop frames on the stacks"
  awk '/^--/ { top = 1; next } top && /^\tat / { sub(/^\tat /, ""); sub(/\(.*/, ""); print; top = 0 }' "$WORK/stacks.txt" |
    sort | uniq -c | sort -rn | head -8 | sed 's/^/    top  /' || true
  grep -o 'at io\.creditloop[^(]*' "$WORK/stacks.txt" | sed 's/^at //' | sort | uniq -c | sort -rn | head -15 | sed 's/^/    on   /' || true
  grep -o 'at org\.postgresql[^(]*\|at com\.zaxxer[^(]*\|at org\.springframework\.kafka[^(]*\|at org\.apache\.kafka[^(]*' "$WORK/stacks.txt" |
    sed 's/^at //' | awk -F. '{ print $1"."$2"."$3 }' | sort | uniq -c | sort -rn | head -5 | sed 's/^/    lib  /' || true
  cp "$WORK/stacks.txt" "${RESULT_FILE:-$WORK/x}.stacks" 2>/dev/null || true
fi
if [[ ${JFR:-0} == 1 ]]; then
  jcmd "$APP_PID" JFR.dump name=bench filename="$WORK/app.jfr" >/dev/null 2>&1 || true
  jfr print --stack-depth 200 --events jdk.ExecutionSample "$WORK/app.jfr" >"$WORK/samples.txt" 2>/dev/null || true
  cp "$WORK/samples.txt" "${RESULT_FILE:-$WORK/x}.jfr.txt" 2>/dev/null || true
  jfr_frames() { # one line per sample: its frames, top first, separated by " < "
    awk '/stackTrace = \[/ { on = 1; line = ""; next }
         on && /^ *\]/ { on = 0; print line; next }
         on { f = $0; sub(/^ +/, "", f); sub(/\(.*/, "", f); sub(/ +line:.*/, "", f); line = line (line == "" ? "" : " < ") f }' "$WORK/samples.txt"
  }
  jfr_frames | grep -v 'JarLauncher\.main' >"$WORK/frames.txt" || true # the start-up thread is left out
  total=$(wc -l <"$WORK/frames.txt")
  echo "JFR CPU samples (Java frames, whole process but its start-up: upload, intake, relay, Kafka clients): $total; top frames:"
  { awk -F' < ' '{ print $1 }' "$WORK/frames.txt" | sort | uniq -c | sort -rn | head -20 | sed 's/^/    top  /'; } || true
  echo "  by the first io.creditloop / library entry point on the stack (inclusive, share of all samples):"
  { awk -F' < ' -v n="$total" '{
      cat = "other"
      for (i = NF; i >= 1; i--) { # from the root of the thread to the top: the innermost matching frame wins
        f = $i
        if (f ~ /OutboxRelay\.relayBatch/) cat = "outbox relay (read, open, send to Kafka, mark sent)"
        else if (f ~ /IntakeController|MultipartStream|fileupload/) cat = "upload request (multipart, store, hash)"
        else if (f ~ /CsvFile\.check|XlsxFile\.check/) cat = "damage check (first read of the file)"
        else if (f ~ /CsvFile\.read|XlsxFile\.read/ && cat !~ /check/) cat = "reading rows"
        else if (f ~ /TemplateMapping\.map/) cat = "mapping rows"
        else if (f ~ /RecordContentRules\.accept/) cat = "R3 rules"
        else if (f ~ /Listings\.insertAll|Listings\.copy/) cat = "listing rows (incl. sealing ID numbers)"
        else if (f ~ /PersonalDataCipher\.encrypt/) cat = "sealing ID numbers (AES-GCM)"
        else if (f ~ /Listings\.appendEvents/) cat = "listing_event rows"
        else if (f ~ /ListingEvents\.confirmedAll|Outbox\.appendAll/) cat = "outbox rows (event JSON, seal, insert)"
        else if (f ~ /EventCodec\.encode/) cat = "event JSON (Jackson)"
        else if (f ~ /IntakeUploads\.recordRows/) cat = "intake_row rows"
        else if (f ~ /ListingService\.submitAll/ && cat == "other") cat = "submitAll: lookups, locks, workflow"
        else if (f ~ /IntakeRunner/ && cat == "other") cat = "intake runner, other"
        else if (f ~ /^jdk\.jfr|^jdk\.internal\.event/ && cat == "other") cat = "JFR itself"
      }
      if (cat == "other" && $0 ~ /org\.apache\.kafka\.clients/) cat = "Kafka client threads (producer I/O, consumers)"
      if (cat == "other" && $1 ~ /^java\.lang\.ref|G1|GC/) cat = "other (GC, reference handling)"
      c[cat]++ }
    END { for (k in c) printf "%6d %5.1f %%  %s\n", c[k], 100 * c[k] / n, k }' "$WORK/frames.txt" | sort -rn | sed 's/^/    /'; } || true
  echo "  thread roots of the 'other' samples:"
  { awk -F' < ' '{ print $NF }' "$WORK/frames.txt" | sort | uniq -c | sort -rn | head -8 | sed 's/^/    root /'; } || true
fi
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -sr)"
free -g
java -version 2>&1 | head -3
psql -X -At -d postgres -c "SELECT version()"
grep -E 'ERROR|Exception' "$WORK/app.log" | head -5 | cut -c1-300 || true
echo "app log: $(grep -c ERROR "$WORK/app.log" || true) ERROR lines"
