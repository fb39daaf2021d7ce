#!/usr/bin/env bash
# A single-node KRaft Kafka broker (broker + controller in one JVM) for the local run, without Docker.
#
#   tools/kafka/kafka.sh start    fetch the jars if needed (tools/kafka/pom.xml), format, start, wait for the port
#   tools/kafka/kafka.sh stop     stop the broker this script started (SIGTERM, then SIGKILL after 30 s)
#   tools/kafka/kafka.sh status   exit 0 if it runs and the port answers, 3 otherwise
#   tools/kafka/kafka.sh clean    stop, then delete its data (topics, offsets)
#
# All four are idempotent. A port that already answers without a broker of ours is reported and left alone.
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (KAFKA_PORT+1), KAFKA_RUN_DIR (<repo>/.run/kafka),
# KAFKA_HEAP_OPTS (-Xmx512m -Xms128m), KAFKA_JVM_OPTS, KAFKA_START_TIMEOUT (60 s), JAVA_HOME.
# Files, per port: $KAFKA_RUN_DIR/{lib/, data/<port>/, server-<port>.properties, kafka-<port>.pid, kafka-<port>.log}
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
KAFKA_VERSION=3.9.2 # keep in step with tools/kafka/pom.xml

PORT=${KAFKA_PORT:-9092}
CPORT=${KAFKA_CONTROLLER_PORT:-$((PORT + 1))}
RUN_DIR=${KAFKA_RUN_DIR:-$ROOT/.run/kafka}
LIB=$RUN_DIR/lib
DATA=$RUN_DIR/data/$PORT
CONF=$RUN_DIR/server-$PORT.properties
PID_FILE=$RUN_DIR/kafka-$PORT.pid
LOG=$RUN_DIR/kafka-$PORT.log
START_TIMEOUT=${KAFKA_START_TIMEOUT:-60}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# shellcheck disable=SC2206 # word splitting of the option strings is wanted
HEAP_OPTS=(${KAFKA_HEAP_OPTS:--Xmx512m -Xms128m})
# shellcheck disable=SC2206
JVM_OPTS=(${KAFKA_JVM_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true})

say() { echo "kafka: $*" 2>/dev/null || true; } # a closed stdout must not stop a `stop` half-way

port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

now_ms() { date +%s%3N; }

# The pid of the broker this script started on $PORT, if it is still that process.
our_pid() {
  [[ -f $PID_FILE ]] || return 1
  local pid
  pid=$(<"$PID_FILE")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q 'kafka\.Kafka' || return 1
  echo "$pid"
}

ensure_lib() {
  [[ -f $LIB/.complete && $(<"$LIB/.complete") == "$KAFKA_VERSION" ]] && return 0
  say "fetching the broker's jars into $LIB (tools/kafka/pom.xml)"
  rm -rf "$LIB"
  mkdir -p "$LIB"
  local mvn=("$ROOT/mvnw")
  [[ -x $ROOT/mvnw ]] || mvn=(mvn)
  "${mvn[@]}" -B -q -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$LIB" </dev/null
  [[ -f $LIB/kafka_2.13-$KAFKA_VERSION.jar ]] || { say "no kafka_2.13-$KAFKA_VERSION.jar in $LIB"; exit 1; }
  echo "$KAFKA_VERSION" >"$LIB/.complete"
}

write_conf() {
  cat >"$CONF" <<EOF
# written by tools/kafka/kafka.sh on every start; edit the script, not this file
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CPORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CPORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
auto.create.topics.enable=true
group.initial.rebalance.delay.ms=0
# a 2-core machine shared with the apps
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
EOF
}

java_cmd() {
  "$JAVA" "${HEAP_OPTS[@]}" "${JVM_OPTS[@]}" -Dlog4j.configuration="file:$HERE/log4j.properties" -cp "$LIB/*" "$@"
}

ensure_formatted() {
  [[ -f $DATA/meta.properties ]] && return 0
  mkdir -p "$DATA"
  local cluster_id # 16 random bytes, base64url without padding: Kafka's Uuid form
  # one starting with '-' would be read as an option by the storage tool (about 1 start in 64 failed so)
  until [[ -n ${cluster_id:-} && $cluster_id != -* ]]; do
    cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  done
  say "formatting $DATA (cluster id $cluster_id)"
  java_cmd kafka.tools.StorageTool format -t "$cluster_id" -c "$CONF" --ignore-formatted >>"$LOG" 2>&1 ||
    { say "formatting failed:"; tail -n 30 "$LOG"; exit 1; }
}

wait_ready() { # pid t0
  local pid=$1 t0=$2 deadline=$(($(date +%s) + START_TIMEOUT))
  until port_open "$PORT" && grep -q 'Kafka Server started' "$LOG"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "the broker exited during start; last lines of $LOG:"
      tail -n 40 "$LOG"
      rm -f "$PID_FILE"
      exit 1
    fi
    if (($(date +%s) >= deadline)); then
      say "not ready after ${START_TIMEOUT}s; last lines of $LOG:"
      tail -n 40 "$LOG"
      stop
      exit 1
    fi
    sleep 0.2
  done
  local ms=$(($(now_ms) - t0))
  say "ready on 127.0.0.1:$PORT in $((ms / 1000)).$(printf '%03d' $((ms % 1000)))s (pid $pid, log $LOG)"
}

start() {
  local pid t0
  t0=$(now_ms)
  if pid=$(our_pid); then
    say "already running (pid $pid)"
    wait_ready "$pid" "$t0"
    return 0
  fi
  rm -f "$PID_FILE"
  if port_open "$PORT"; then
    say "127.0.0.1:$PORT already answers and is not a broker started by kafka.sh: using it as it is"
    return 0
  fi
  if port_open "$CPORT"; then
    say "the controller port 127.0.0.1:$CPORT is taken; set KAFKA_CONTROLLER_PORT"
    exit 1
  fi
  mkdir -p "$RUN_DIR"
  ensure_lib
  write_conf
  : >"$LOG"
  ensure_formatted
  # setsid: its own session and process group, so a Ctrl-C meant for the caller doesn't reach it and
  # `stop` decides when it ends. The bash in between writes its own pid, which exec hands to java.
  # shellcheck disable=SC2016 # $$, $0 and $@ are the inner bash's
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
    "$JAVA" "${HEAP_OPTS[@]}" "${JVM_OPTS[@]}" -Dlog4j.configuration="file:$HERE/log4j.properties" \
    -cp "$LIB/*" kafka.Kafka "$CONF" >>"$LOG" 2>&1 </dev/null &
  local i
  for ((i = 0; i < 50; i++)); do [[ -s $PID_FILE ]] && break; sleep 0.1; done
  pid=$(<"$PID_FILE")
  wait_ready "$pid" "$t0"
}

stop() {
  local pid i
  if ! pid=$(our_pid); then
    rm -f "$PID_FILE"
    if port_open "$PORT"; then
      say "not started by kafka.sh; 127.0.0.1:$PORT answers and is left alone"
    else
      say "not running"
    fi
    return 0
  fi
  say "stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "still running after 30s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$PID_FILE"
  say "stopped"
}

status() {
  local pid
  if pid=$(our_pid) && port_open "$PORT"; then
    say "running on 127.0.0.1:$PORT (pid $pid)"
    return 0
  fi
  if port_open "$PORT"; then
    say "127.0.0.1:$PORT answers, but not with a broker started by kafka.sh"
  else
    say "not running on 127.0.0.1:$PORT"
  fi
  return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  clean) stop && rm -rf "$DATA" "$CONF" && say "deleted $DATA" ;;
  *)
    echo "usage: $0 start|stop|status|clean" >&2
    exit 2
    ;;
esac
