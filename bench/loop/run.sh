#!/usr/bin/env bash
# The whole suite's benchmark (issue 9): system-tests' LoopBench (not an *IT: CI never runs it) with the whole suite
# as processes (Suite: every app's exec jar, its own schema in a fresh database, a KRaft broker process). In one run:
#   1. floors: the N listing events the import produced, COPY'd into a plain table and sent by a raw KafkaProducer
#      (acks=all) to a topic with as many partitions as the listing topic;
#   2. the whole loop: LISTINGS listings imported through the gateway (batches of BATCH on THREADS threads) with
#      sanction, sharing, publication and repair stopped; once identification's outbox is relayed they are started
#      together and timed until every task (3 per listing), forward (1 per platform) and board entry is written;
#   3. loop latency at each of RATES listings/s (open loop, a batch every 100 ms, DURATION seconds each): listing
#      confirmed (the event's confirmedAt) → the first task's record on an agency topic, p50/p95/p99/max;
#   0. idle: CPU of every process over IDLE seconds with nothing offered (the suite's fixed cost);
#   4. memory (VmRSS, VmHWM, heap after a GC by jcmd) and cold start, all together and one app at a time.
#
#   bench/loop/run.sh                                   LISTINGS=20000 RATES=500 DURATION=60
#   LISTINGS=10000 RATES=500,100 DURATION=30 bench/loop/run.sh
#   RECOGNISED=2026-11-02 bench/loop/run.sh              listings recognised long ago: every forward overdue on arrival
#                                                   (default today in Asia/Shanghai: forwards due in 5/7/10 working days)
#   LISTINGS=0 RATES= IDLE=60 ONE_AT_A_TIME=false bench/loop/run.sh   only the idle phase (and memory)
#   APP_JVM_OPTIONS="-XX:+UseSerialGC -Xmx256m" bench/loop/run.sh   the apps with the full JIT ({app} in an option
#                                                   becomes the app's name, e.g. a JFR file each; default: the system
#                                                   tests' light JVMs, C1 only: -XX:TieredStopAtLevel=1 ...)
#
# Build first (the apps' runnable jars): ./mvnw -B -q install -DskipTests. MAVEN_REPO=path for a private repository.
# Figures: the lines "loop: ..." in bench/loop/results/loop-<UTC>-listings<N>.txt, with the machine's description.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
LISTINGS=${LISTINGS:-20000}
BATCH=${BATCH:-100}
THREADS=${THREADS:-4}
RATES=${RATES-500} # empty: no latency phase
DURATION=${DURATION:-60}
DRAIN=${DRAIN:-180}
IDLE=${IDLE:-30}
ONE_AT_A_TIME=${ONE_AT_A_TIME:-true}
RECOGNISED=${RECOGNISED:-today} # the listings' recognition date (R6 deadlines); a past date makes every forward overdue
mkdir -p "$HERE/results"
RESULT=$HERE/results/loop-$(date -u +%Y%m%dT%H%M%SZ)-listings$LISTINGS.txt
REPO=()
[[ -n ${MAVEN_REPO:-} ]] && REPO=(-Dmaven.repo.local="$MAVEN_REPO")
cd "$ROOT"
{
  echo "loop: LISTINGS=$LISTINGS BATCH=$BATCH THREADS=$THREADS RATES=$RATES DURATION=$DURATION DRAIN=$DRAIN IDLE=$IDLE RECOGNISED=$RECOGNISED"
  echo "machine: nproc $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(uname -sr)"
  free -g
  java -version 2>&1
  echo "PostgreSQL: $(psql -X -At -h 127.0.0.1 -U postgres -d postgres -c 'SHOW server_version' 2>/dev/null || echo '?')"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit: $(git rev-parse --short HEAD) $(git status --porcelain --untracked-files=no | grep -q . && echo '(with local changes)')"
} | tee "$RESULT"
# PostgreSQL as deployed: this machine's cluster runs with autovacuum off (its CI configuration, conf.d/90-ci.conf);
# a deployment keeps PostgreSQL's default (on), and without it the loop's fresh tables are never analysed (plans made
# for empty tables) nor vacuumed (every update's dead row version stays). AUTOVACUUM=on (default) turns it on for the
# run with ALTER SYSTEM and puts the cluster back afterwards; AUTOVACUUM=asis leaves the cluster as it is.
AUTOVACUUM=${AUTOVACUUM:-on}
pg() { psql -X -q -At -h 127.0.0.1 -U postgres -d postgres -c "$1"; }
if [[ $AUTOVACUUM == on && $(pg 'SHOW autovacuum' 2>/dev/null) == off ]]; then
  pg 'ALTER SYSTEM SET autovacuum = on' && pg 'SELECT pg_reload_conf()' >/dev/null
  trap "pg 'ALTER SYSTEM RESET autovacuum' && pg 'SELECT pg_reload_conf()' >/dev/null" EXIT
  sleep 1
fi
echo "PostgreSQL autovacuum during the run: $(pg 'SHOW autovacuum' 2>/dev/null || echo '?')" | tee -a "$RESULT"
status=0
./mvnw -B -q -o "${REPO[@]}" -f system-tests/pom.xml verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=LoopBench -Dcreditloop.loop.listings="$LISTINGS" -Dcreditloop.loop.batch="$BATCH" \
  -Dcreditloop.loop.import-threads="$THREADS" -Dcreditloop.loop.rates="$RATES" \
  -Dcreditloop.loop.duration-seconds="$DURATION" -Dcreditloop.loop.drain-seconds="$DRAIN" \
  -Dcreditloop.loop.idle-seconds="$IDLE" -Dcreditloop.loop.one-at-a-time="$ONE_AT_A_TIME" \
  -Dcreditloop.loop.recognised="$RECOGNISED" \
  -Dcreditloop.loop.out="$RESULT" ${APP_JVM_OPTIONS:+"-Dcreditloop.suite.jvm-options=$APP_JVM_OPTIONS"} \
  >"$RESULT.log" 2>&1 || status=$?
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULT"
grep -h 'Tests run' system-tests/target/failsafe-reports/io.creditloop.system.LoopBench.txt 2>/dev/null | tee -a "$RESULT" || true
echo "loop: exit $status (Maven output: $RESULT.log)" | tee -a "$RESULT"
exit "$status"
