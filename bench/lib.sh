# Helpers every bench/*/run.sh sources (bash). They read the caller's DB, WORK and START_TIMEOUT.

log() { echo "[$(date -u +%H:%M:%S)] $*"; }
# one statement on the benchmark's database, unaligned, no headers
sql() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" -c "$1"; }
port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# stop_pid PID NAME: TERM, up to 30 s to go, then KILL
stop_pid() {
  local pid=$1 name=$2
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    log "stopping $name (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  return 0
}

# wait_up URL PID NAME [LOG]: until URL/actuator/health answers 200; exits with the log's tail if the process died
# or START_TIMEOUT passed (LOG defaults to $WORK/NAME.log)
wait_up() {
  local deadline=$(($(date +%s) + START_TIMEOUT)) logfile=${4:-$WORK/$3.log}
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "$1/actuator/health" || true) == 200 ]]; do
    if ! kill -0 "$2" 2>/dev/null || (($(date +%s) >= deadline)); then
      log "$3 did not start; last lines of its log:"; tail -n 40 "$logfile"; exit 1
    fi
    sleep 0.5
  done
}

# service_token APP_JAR KIND CODE USER TTL: prints a token as the gateway forwards it to the services (R16), for a
# service started without TOKEN_* keys (the development key pair), so a benchmark can call it directly as that caller;
# uses the security, Nimbus, Caffeine (Tokens remembers verified tokens) and SLF4J jars inside APP_JAR
service_token() {
  local lib=$WORK/token-lib
  mkdir -p "$lib"
  unzip -q -o -j "$1" 'BOOT-INF/lib/security-*.jar' 'BOOT-INF/lib/nimbus-jose-jwt-*.jar' 'BOOT-INF/lib/slf4j-api-*.jar' \
    'BOOT-INF/lib/caffeine-*.jar' \
    -d "$lib"
  java -cp "$(ls "$lib"/*.jar | tr '\n' ':')" "$ROOT/bench/MintToken.java" "$2" "$3" "$4" "$5" 2>/dev/null
}

# release_servers: what every benchmark's cleanup does last: its Kafka broker (if it started one) stopped and its
# data deleted, its database dropped, its work directory deleted
release_servers() {
  if [[ -n ${KAFKA_STARTED:-} ]]; then
    KAFKA_PORT=$KAFKA_PORT "$ROOT/tools/kafka/kafka.sh" clean # stop, then delete this port's data
    rm -f "${KAFKA_RUN_DIR:-$ROOT/.run/kafka}/kafka-$KAFKA_PORT.log"
  fi
  if psql -X -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" 2>/dev/null | grep -q 1; then
    log "dropping database $DB"
    psql -X -q -d postgres -c "DROP DATABASE \"$DB\" WITH (FORCE)"
  fi
  rm -rf "$WORK"
}
