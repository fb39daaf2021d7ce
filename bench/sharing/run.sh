#!/usr/bin/env bash
# Sharing backlog benchmark (R6): forwards/s to a simulated platform when a backlog of queued forwards meets the end
# of an outage, and how long the backlog takes to drain.
#
#   bench/sharing/run.sh                       100000 forwards, 4 delivery workers, batches of 50
#   FORWARDS=20000 WORKERS=1 bench/sharing/run.sh
#
# What it does: creates a fresh database creditloop_bench_sharing_<epoch>; starts its own Kafka broker with
# tools/kafka/kafka.sh on BENCH_KAFKA_PORT (19192), copies of the simulator exec jar on SIM_PORT (18090) and of the
# sharing-service exec jar on BENCH_PORT (18082), all on 127.0.0.1, -Xmx512m each, only the city platform configured
# (the simulator's); takes the city platform down (PUT /platforms/city/behaviour {"downUntil": ...}); queues
# FORWARDS pending forwards in one INSERT (the state the service is in after listings arrived during an outage);
# lets the service run against the down platform for OUTAGE_SECONDS (retries, circuit breaker opens, forwards are
# deferred); ends the outage (PUT {}); polls the database every second until every forward is DELIVERED (or
# DRAIN_TIMEOUT). Prints forwards/s, time to 50/90/99/100 % delivered, the simulator's count of distinct records
# (exactly once: it must equal FORWARDS, replays are repeated Idempotency-Keys), the outbox relay's backlog, CPU, and
# the machine. Stops what it started, drops the database, deletes its files (also on Ctrl-C or failure).
#
# Environment: FORWARDS (100000), WORKERS (4), BATCH (50), OUTAGE_SECONDS (20), BENCH_PORT (18082), SIM_PORT (18090),
# BENCH_KAFKA_PORT (19192), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres), DRAIN_TIMEOUT seconds (1800),
# KEEP_RESULTS (1: the output is also written to bench/sharing/results/).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
FORWARDS=${FORWARDS:-100000}
WORKERS=${WORKERS:-4}
BATCH=${BATCH:-50}
OUTAGE_SECONDS=${OUTAGE_SECONDS:-20}
APP_PORT=${BENCH_PORT:-18082}
SIM_PORT=${SIM_PORT:-18090}
KAFKA_PORT=${BENCH_KAFKA_PORT:-19192}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-1800}
START_TIMEOUT=${START_TIMEOUT:-180}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
APP_JAR=${APP_JAR:-$ROOT/sharing-service/target/sharing-service-0.1.0-SNAPSHOT-exec.jar}
SIM_JAR=${SIM_JAR:-$ROOT/simulator/target/simulator-0.1.0-SNAPSHOT-exec.jar}
EPOCH=$(date +%s)
DB=creditloop_bench_sharing_$EPOCH
WORK=$(mktemp -d "/tmp/creditloop-bench-sharing-$EPOCH.XXXX")
APP=http://127.0.0.1:$APP_PORT
SIM=http://127.0.0.1:$SIM_PORT
APP_PID=
SIM_PID=
KAFKA_STARTED=

if [[ ${KEEP_RESULTS:-1} == 1 ]]; then
  mkdir -p "$HERE/results"
  RESULT_FILE=$HERE/results/sharing-$(date -u +%Y%m%dT%H%M%SZ)-forwards$FORWARDS-workers$WORKERS.txt
  exec > >(tee "$RESULT_FILE") 2>&1
fi

now_ns() { date +%s%N; }
secs() { awk -v n="$1" 'BEGIN { printf "%.1f", n / 1e9 }'; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

cleanup() {
  local rc=$?
  set +e
  stop_pid "$APP_PID" sharing-service
  stop_pid "$SIM_PID" simulator
  release_servers
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for jar in "$APP_JAR" "$SIM_JAR"; do
  [[ -f $jar ]] || { echo "no $jar; build: ./mvnw -B -q -o -pl contracts,messaging,calendar,sharing-service,simulator -am -DskipTests install" >&2; exit 1; }
done
for p in "$APP_PORT" "$SIM_PORT" "$KAFKA_PORT" "$((KAFKA_PORT + 1))"; do
  port_open "$p" && { echo "127.0.0.1:$p is taken; set BENCH_PORT / SIM_PORT / BENCH_KAFKA_PORT" >&2; exit 1; }
done

log "forwards=$FORWARDS workers=$WORKERS batch=$BATCH outage=${OUTAGE_SECONDS}s database=$DB"
psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$DB\""
KAFKA_STARTED=1
KAFKA_PORT=$KAFKA_PORT "$ROOT/tools/kafka/kafka.sh" start
cp "$APP_JAR" "$WORK/app.jar"
cp "$SIM_JAR" "$WORK/sim.jar"

log "starting simulator on 127.0.0.1:$SIM_PORT"
PORT=$SIM_PORT SERVER_ADDRESS=127.0.0.1 KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT DEMO_AGENCY_ENABLED=false \
  java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$WORK/sim.jar" >"$WORK/simulator.log" 2>&1 </dev/null &
SIM_PID=$!
wait_up "$SIM" "$SIM_PID" simulator
curl -sS -f -o /dev/null -X PUT -H 'Content-Type: application/json' -d '{"downUntil":"2100-01-01T00:00:00Z"}' \
  "$SIM/platforms/city/behaviour"
log "city platform is down"

log "starting sharing-service on 127.0.0.1:$APP_PORT (city platform only, $WORKERS worker(s), batch $BATCH)"
DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATABASE_USER=$PGUSER \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT PORT=$APP_PORT SERVER_ADDRESS=127.0.0.1 \
  CITY_PLATFORM_URL=$SIM/platforms/city/records PROVINCE_PLATFORM_ENABLED=false NATION_PLATFORM_ENABLED=false \
  SHARING_DELIVERY_WORKERS=$WORKERS CREDITLOOP_SHARING_BATCHSIZE=$BATCH CREDITLOOP_SHARING_CLAIMLEASE=60m \
  DB_POOL_SIZE=$((WORKERS + 4)) \
  java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$WORK/app.jar" >"$WORK/sharing-service.log" 2>&1 </dev/null &
APP_PID=$!
wait_up "$APP" "$APP_PID" sharing-service

# the state after FORWARDS listing changes arrived while the platform was down: forwards recorded, due for an attempt
log "queueing $FORWARDS forwards"
t0=$(now_ns)
sql "INSERT INTO sharing.forward (forward_id, listing_id, listing_version, platform, action, payload, due_date, state,
       attempts, next_attempt_at, created_at, updated_at, department)
     SELECT gen_random_uuid(), l.id, 2, 'city', 'LISTING',
       json_build_object('action', 'LISTING', 'listingId', l.id, 'listingVersion', 2, 'record', json_build_object(
         'listingId', l.id, 'version', 2,
         'listType', json_build_object('code', 'TAX_MAJOR_VIOLATION', 'version', 1, 'name', '重大税收违法案件当事人名单',
                                       'kind', 'BLACK', 'department', 'tax'),
         'subject', json_build_object('key', 'USCC:BENCH' || g, 'type', 'ORGANISATION', 'name', '黄石某某贸易有限公司' || g,
                                      'uscc', '91420200MA4KLB7Q32', 'legalRepresentative', '张三'),
         'reason', '虚开增值税专用发票', 'basis', '《中华人民共和国税收征收管理法》', 'recognisingDepartment', 'tax',
         'recognitionDate', current_date, 'validFrom', current_date, 'validUntil', current_date + 730)),
       current_date + 9, 'PENDING', 0, now(), now(), now(), 'tax'
     FROM generate_series(1, $FORWARDS) g, LATERAL (SELECT md5('$EPOCH/' || g)::uuid AS id) l"
log "queued in $(secs $(($(now_ns) - t0)))s"

log "outage continues for ${OUTAGE_SECONDS}s"
sleep "$OUTAGE_SECONDS"
during=$(sql "SELECT count(*) FILTER (WHERE attempts > 0), coalesce(sum(attempts), 0) FROM sharing.forward" | tr '|' ' ')
sim_down=$(curl -sS "$SIM/platforms/city/stats" | jq -r .downAnswers)
circuit=$(curl -sS "$APP/actuator/prometheus" | grep -E '^resilience4j_circuitbreaker_state\{.*state="open"' | awk '{ print $2 }' | head -1)

read -r a_ticks0 < <(cpu_ticks "$APP_PID")
read -r s_ticks0 < <(cpu_ticks "$SIM_PID")
curl -sS -f -o /dev/null -X PUT -H 'Content-Type: application/json' -d '{}' "$SIM/platforms/city/behaviour"
t_up=$(now_ns)
log "outage over: draining"
p50= p90= p99= done_ns=
deadline=$(($(date +%s) + DRAIN_TIMEOUT))
while :; do
  delivered=$(sql "SELECT count(*) FROM sharing.forward WHERE state = 'DELIVERED'")
  el=$(($(now_ns) - t_up))
  [[ -z $p50 ]] && ((delivered * 2 >= FORWARDS)) && p50=$el
  [[ -z $p90 ]] && ((delivered * 10 >= FORWARDS * 9)) && p90=$el
  [[ -z $p99 ]] && ((delivered * 100 >= FORWARDS * 99)) && p99=$el
  if ((delivered >= FORWARDS)); then done_ns=$el; break; fi
  if (($(date +%s) >= deadline)); then log "not drained after ${DRAIN_TIMEOUT}s: $delivered delivered"; done_ns=$el; break; fi
  kill -0 "$APP_PID" 2>/dev/null || { log "sharing-service exited"; tail -n 40 "$WORK/sharing-service.log"; exit 1; }
  sleep 1
done
a_ticks1=$(cpu_ticks "$APP_PID")
s_ticks1=$(cpu_ticks "$SIM_PID")
outbox_left=$(sql "SELECT count(*) FROM sharing.outbox WHERE published_at IS NULL")
t_outbox=$(now_ns)
while ((outbox_left > 0)) && (($(now_ns) - t_outbox < 300000000000)); do
  sleep 1; outbox_left=$(sql "SELECT count(*) FROM sharing.outbox WHERE published_at IS NULL")
done
outbox_ns=$(($(now_ns) - t_up))
stats=$(curl -sS "$SIM/platforms/city/stats")
states=$(sql "SELECT string_agg(state || ' ' || n, ', ') FROM (SELECT state, count(*) n FROM sharing.forward GROUP BY state) s")
attempts=$(sql "SELECT max(attempts), round(avg(attempts), 3) FROM sharing.forward" | tr '|' ' ')
hz=$(getconf CLK_TCK)
rate=$(awk -v n="$delivered" -v ns="$done_ns" 'BEGIN { if (ns > 0) printf "%.0f", n / (ns / 1e9); else print "n/a" }')

cat <<REPORT

== creditloop sharing backlog benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ) ==
setup                      $FORWARDS forwards queued for the city platform (simulator, HTTP JSON push with
                           Idempotency-Key), sharing-service with $WORKERS delivery worker(s), batch $BATCH, -Xmx512m
during the ${OUTAGE_SECONDS}s outage     forwards attempted $(echo "$during" | cut -d' ' -f1), attempts recorded $(echo "$during" | cut -d' ' -f2), 503s answered $sim_down, circuit open: ${circuit:-?}
drain after the outage     $delivered delivered in $(secs "$done_ns") s = $rate forwards/s
                           50 % after $(secs "${p50:-0}") s, 90 % after $(secs "${p90:-0}") s, 99 % after $(secs "${p99:-0}") s, 100 % after $(secs "$done_ns") s
delivered events relayed   outbox empty $(secs "$outbox_ns") s after the outage ended ($outbox_left left)
states                     $states; attempts per forward max/avg $attempts
exactly once (simulator)   $(echo "$stats" | jq -c .)
CPU during the drain       sharing-service $(awk -v t=$((a_ticks1 - a_ticks0)) -v hz="$hz" -v ns="$done_ns" 'BEGIN { printf "%.0f %% of one core", 100 * t / hz / (ns / 1e9) }'), simulator $(awk -v t=$((s_ticks1 - s_ticks0)) -v hz="$hz" -v ns="$done_ns" 'BEGIN { printf "%.0f %% of one core", 100 * t / hz / (ns / 1e9) }'), load average $(cut -d' ' -f1-3 /proc/loadavg)
REPORT
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -sr)"
free -g | head -2
java -version 2>&1 | head -1
psql -X -At -d postgres -c "SELECT version()"
echo "sharing-service log: $(grep -c ' ERROR ' "$WORK/sharing-service.log" || true) ERROR lines"
