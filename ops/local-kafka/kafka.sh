#!/usr/bin/env bash
# A real single-node Kafka broker (KRaft, kafka_2.13 from Maven Central) without Docker.
#
#   ops/local-kafka/kafka.sh start  <dir> [port] [controller-port]   format (first time) and start; idempotent
#   ops/local-kafka/kafka.sh stop   <dir>                            stop (SIGTERM, then SIGKILL after 20 s)
#   ops/local-kafka/kafka.sh status <dir>                            "running <pid> port <port>" or "stopped"
#
# <dir> holds server.properties, the log directory (data/), kafka.log and kafka.pid.
# Defaults: port 9092, controller port = port + 1000. Environment: KAFKA_HEAP_OPTS (default
# -Xms256m -Xmx1g), KAFKA_LISTEN_HOST (default localhost), KAFKA_LOG_LEVEL (default INFO),
# JAVA (default java). The classpath is built once into ops/local-kafka/target/classpath.txt.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
java="${JAVA:-java}"

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

classpath() {
  local file="$here/target/classpath.txt"
  if [[ ! -s "$file" || "$here/pom.xml" -nt "$file" ]]; then
    "$root/mvnw" -q -B -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$file" >&2
  fi
  cat "$file"
}

pid_of() {
  local pidfile="$1/kafka.pid"
  [[ -s "$pidfile" ]] || return 1
  local pid; pid="$(cat "$pidfile")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

start() {
  local dir="$1" port="${2:-9092}" cport="${3:-$(( ${2:-9092} + 1000 ))}" host="${KAFKA_LISTEN_HOST:-localhost}"
  mkdir -p "$dir"; dir="$(cd "$dir" && pwd)"
  if pid="$(pid_of "$dir")"; then
    echo "kafka already running (pid $pid) in $dir"; return 0
  fi
  if port_open "$host" "$port"; then
    echo "port $port is already in use by another process" >&2; return 1
  fi
  local cp; cp="$(classpath)"
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$host:$cport
listeners=PLAINTEXT://$host:$port,CONTROLLER://$host:$cport
advertised.listeners=PLAINTEXT://$host:$port
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=12
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS
  if [[ ! -f "$dir/data/meta.properties" ]]; then
    "$java" -cp "$cp" -Dlog4j2.configurationFile="$here/log4j2.properties" kafka.tools.StorageTool format \
      -t "$("$java" -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null)" \
      -c "$dir/server.properties" > "$dir/format.log" 2>&1 || { cat "$dir/format.log" >&2; return 1; }
  fi
  # shellcheck disable=SC2086
  nohup "$java" ${KAFKA_HEAP_OPTS:--Xms256m -Xmx1g} -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$here/log4j2.properties" -cp "$cp" kafka.Kafka "$dir/server.properties" \
    > "$dir/kafka.log" 2>&1 < /dev/null &
  echo $! > "$dir/kafka.pid"
  for _ in $(seq 1 120); do
    if port_open "$host" "$port" && grep -q "Kafka Server started\|KafkaRaftServer.*started\|Transition from STARTING to STARTED" "$dir/kafka.log" 2>/dev/null; then
      echo "kafka started (pid $(cat "$dir/kafka.pid")) on $host:$port, data in $dir"; return 0
    fi
    if ! kill -0 "$(cat "$dir/kafka.pid")" 2>/dev/null; then
      echo "kafka exited during start; see $dir/kafka.log" >&2; tail -20 "$dir/kafka.log" >&2; return 1
    fi
    sleep 0.25
  done
  echo "kafka did not start within 30 s; see $dir/kafka.log" >&2; return 1
}

stop() {
  local dir="$1" pid
  if ! pid="$(pid_of "$dir")"; then
    echo "kafka not running in $dir"; rm -f "$dir/kafka.pid"; return 0
  fi
  kill "$pid"
  for _ in $(seq 1 80); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$dir/kafka.pid"; echo "kafka stopped (pid $pid)"; return 0; }
    sleep 0.25
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/kafka.pid"; echo "kafka killed (pid $pid) after 20 s"
}

status() {
  local dir="$1" pid
  if pid="$(pid_of "$dir")"; then
    echo "running $pid port $(sed -n 's/^advertised.listeners=PLAINTEXT:\/\/.*:\([0-9]*\)$/\1/p' "$dir/server.properties")"
  else
    echo "stopped"; return 3
  fi
}

[[ $# -ge 2 ]] || usage
command="$1"; shift
case "$command" in
  start) start "$@" ;;
  stop) stop "$1" ;;
  status) status "$1" ;;
  *) usage ;;
esac
