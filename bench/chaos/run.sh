#!/usr/bin/env bash
# Chaos run (issue 9, faults): the full-size version of system-tests' ChaosIT. The whole suite runs as seven
# processes on the local PostgreSQL and a KRaft broker process (tools/kafka/kafka.sh); the tax bureau imports
# LISTINGS listings through the gateway in batches of BATCH (a failed batch retried with the same submission ids,
# as a department's system does) while, round after round, every app and the broker are killed with SIGKILL and
# restarted, and (RESTART_POSTGRES=1, needs pg_ctlcluster and the right to use it) the PostgreSQL server is
# restarted. Then it counts, in each service's own schema, that every accepted listing is in identification once,
# has its tasks in sanction once per agency, its forwards in sharing once per platform and its board entry in
# publication once, that no consumer group is left behind and that no dead letter lacks its reason.
#
#   bench/chaos/run.sh                         100,000 listings, batches of 100, no pause
#   LISTINGS=5000 bench/chaos/run.sh
#
# Build first (the apps' runnable jars): ./mvnw -B -q install -DskipTests
# Figures: the test's log lines "chaos: ..." (also in bench/chaos/results/), to be copied to docs/RELIABILITY.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
LISTINGS=${LISTINGS:-100000}
BATCH=${BATCH:-100}
SETTLE_MINUTES=${SETTLE_MINUTES:-120}
PROPS=(-Dcreditloop.chaos.listings="$LISTINGS" -Dcreditloop.chaos.batch="$BATCH" -Dcreditloop.chaos.pause-ms=0
  -Dcreditloop.chaos.settle-minutes="$SETTLE_MINUTES")
if [[ ${RESTART_POSTGRES:-0} == 1 ]]; then
  version=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V | tail -n 1)
  PROPS+=(-Dcreditloop.chaos.postgres-restart="pg_ctlcluster --skip-systemctl-redirect $version main restart -m fast")
fi
mkdir -p "$HERE/results"
RESULT=$HERE/results/chaos-$(date -u +%Y%m%dT%H%M%SZ)-listings$LISTINGS.txt
cd "$ROOT"
echo "chaos: $LISTINGS listings, batches of $BATCH, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$RESULT"
status=0
./mvnw -B -q -o -f system-tests/pom.xml verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ChaosIT "${PROPS[@]}" >"$RESULT.log" 2>&1 || status=$?
grep -ho 'chaos: [^<]*' system-tests/target/failsafe-reports/TEST-io.creditloop.system.ChaosIT.xml | tee -a "$RESULT" || true
grep -h 'Tests run' system-tests/target/failsafe-reports/io.creditloop.system.ChaosIT.txt | tee -a "$RESULT" || true
echo "chaos: exit $status (Maven output: $RESULT.log)" | tee -a "$RESULT"
exit "$status"
