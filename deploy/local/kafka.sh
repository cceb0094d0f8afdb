#!/usr/bin/env bash
# Runs one Apache Kafka node (combined broker + controller, KRaft) on loopback, without Docker:
# the jars come from Maven Central through deploy/local/kafka/pom.xml and are cached outside git.
# Idempotent: `kafka.sh start` does nothing when the broker already answers. `stop` stops it by the
# recorded process id (TERM, then KILL after a timeout), never by name.
# Usage: kafka.sh start|stop|kill|status|brokers
# A second, private broker (e.g. for a test that kills it) is started with other values of
# AUTHZ_KAFKA_PORT, AUTHZ_KAFKA_CONTROLLER_PORT and AUTHZ_KAFKA_DIR; the jars stay shared.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

KAFKA_CONF_SRC="$LOCAL_ROOT/deploy/local/kafka"
KAFKA_LIBS="${AUTHZ_KAFKA_LIBS:-$LOCAL_STATE/kafka/libs}"
KAFKA_DIR="${AUTHZ_KAFKA_DIR:-$LOCAL_STATE/kafka}"
KAFKA_PID_FILE="$KAFKA_DIR/kafka.pid"
KAFKA_LOG="$KAFKA_DIR/server.log"
KAFKA_STOP_TIMEOUT_S="${AUTHZ_KAFKA_STOP_TIMEOUT_S:-30}"

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null; }

recorded_pid() {
  [ -f "$KAFKA_PID_FILE" ] || return 1
  local pid; pid=$(cat "$KAFKA_PID_FILE")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

fetch_jars() {
  # The pom's hash marks a complete download, so a changed pom (another version) fetches again.
  local stamp; stamp=$(sha256sum "$KAFKA_CONF_SRC/pom.xml" | cut -c1-16)
  if [ -f "$KAFKA_LIBS/.complete-$stamp" ]; then return 0; fi
  echo "[kafka] fetching the broker jars from Maven Central into $KAFKA_LIBS" >&2
  rm -rf "$KAFKA_LIBS.tmp"
  mvn -B -q -f "$KAFKA_CONF_SRC/pom.xml" dependency:copy-dependencies -DoutputDirectory="$KAFKA_LIBS.tmp" >&2
  rm -rf "$KAFKA_LIBS"
  mv "$KAFKA_LIBS.tmp" "$KAFKA_LIBS"
  touch "$KAFKA_LIBS/.complete-$stamp"
}

JAVA_OPTS=(-Xms128m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
  -Dlog4j2.configurationFile="$KAFKA_CONF_SRC/log4j2.properties")
java_run() { java "${JAVA_OPTS[@]}" -cp "$KAFKA_LIBS/*" "$@"; }

write_config() {
  mkdir -p "$KAFKA_DIR/data"
  cat >"$KAFKA_DIR/server.properties" <<CONF
# Written by deploy/local/kafka.sh: one node that is both broker and controller (KRaft).
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/data
# Topics are created explicitly by their producers (the relay's ensureTopic), as in production.
auto.create.topics.enable=false
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=5
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=5
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# A restarted node re-registers only after its previous broker session timed out (default 9 s).
broker.session.timeout.ms=3000
broker.heartbeat.interval.ms=500
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=24
log.segment.bytes=67108864
CONF
}

format_storage() {
  if [ -f "$KAFKA_DIR/data/meta.properties" ]; then return 0; fi
  local cluster_id; cluster_id=$(java_run kafka.tools.StorageTool random-uuid)
  echo "[kafka] formatting $KAFKA_DIR/data (cluster $cluster_id)" >&2
  java_run kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$KAFKA_DIR/server.properties" >/dev/null
}

start() {
  if answers; then echo "[kafka] already running on 127.0.0.1:$KAFKA_PORT" >&2; return 0; fi
  local pid
  if ! pid=$(recorded_pid); then
    fetch_jars
    write_config
    format_storage
    # setsid: the broker outlives the shell (and the test) that started it. The inner shell records
    # its own pid and then becomes java, so the pid file names the broker itself.
    rm -f "$KAFKA_PID_FILE"
    setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$KAFKA_PID_FILE" \
      java "${JAVA_OPTS[@]}" -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_DIR/server.properties" \
      >>"$KAFKA_LOG" 2>&1 </dev/null &
    for _ in $(seq 1 40); do [ -s "$KAFKA_PID_FILE" ] && break; sleep 0.05; done
    pid=$(cat "$KAFKA_PID_FILE")
  fi
  for _ in $(seq 1 240); do
    answers && break
    kill -0 "$pid" 2>/dev/null || { echo "[kafka] exited during start; see $KAFKA_LOG" >&2; tail -20 "$KAFKA_LOG" >&2; exit 1; }
    sleep 0.25
  done
  answers || { echo "[kafka] did not answer within 60 s; see $KAFKA_LOG" >&2; exit 1; }
  echo "[kafka] running on 127.0.0.1:$KAFKA_PORT (pid $pid)" >&2
}

stop() {
  local pid
  if ! pid=$(recorded_pid); then echo "[kafka] not running (no live recorded pid)" >&2; return 0; fi
  kill -TERM "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $((KAFKA_STOP_TIMEOUT_S * 4)) ]; do sleep 0.25; waited=$((waited + 1)); done
  if kill -0 "$pid" 2>/dev/null; then
    echo "[kafka] still alive after ${KAFKA_STOP_TIMEOUT_S}s, sending KILL" >&2
    kill -KILL "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$KAFKA_PID_FILE"
  echo "[kafka] stopped (pid $pid)" >&2
}

# A crash, not a shutdown: for tests of what the relay does when the broker vanishes.
kill_now() {
  local pid
  if ! pid=$(recorded_pid); then return 0; fi
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -f "$KAFKA_PID_FILE"
  echo "[kafka] killed (pid $pid)" >&2
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  kill) kill_now ;;
  status) answers && echo running || { echo stopped; exit 1; } ;;
  brokers) echo "127.0.0.1:$KAFKA_PORT" ;;
  *) echo "usage: $0 start|stop|kill|status|brokers" >&2; exit 2 ;;
esac
