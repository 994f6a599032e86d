#!/usr/bin/env bash
# job-executor-service benchmark, one command:  job-executor-service/bench/run.sh
#
# Starts a real single-node Kafka broker (ops/local-kafka), the iot-hub-emulator jar (unlimited
# tier profile, its own data directory and CA) and the executor jar, then
#  1. latency: ScheduleJob commands (the tutorial's lockDoor job) at a steady $RATE/s for
#     $SECONDS_LATENCY s; per job, the time from sending the command to Kafka to the hub's
#     createdTime of the job, and to the committed JobSubmitted being read; p50/p90/p99/max, next
#     to the executor's own hub-call time for the same window (its fleetjobs_hub_call_seconds);
#  2. throughput: $COUNT commands as fast as the producer sends them; jobs/s from the first send to
#     the last committed JobSubmitted.
# Environment: RATE (100), SECONDS_LATENCY (60), WARMUP_SECONDS (60), COUNT (20000), EMULATOR_STORAGE (memory | disk), KAFKA_PORT (29392),
# HUB_PORT (19443, MQTT on the next port; keep below the ephemeral range), SERVICE_PORT (18182), BUILD=0 to skip building the executor jar,
# SERVICE_JAVA_OPTS, EMULATOR_JAVA_OPTS (-XX:+UseSerialGC), EMULATOR_JAR (default: the installed iot-hub-emulator exec jar).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d /tmp/fleetjobs-executor-bench.XXXXXX)"
kafka_port="${KAFKA_PORT:-29392}"
hub_port="${HUB_PORT:-19443}"
service_port="${SERVICE_PORT:-18182}"
rate="${RATE:-100}"
latency_seconds="${SECONDS_LATENCY:-60}"
warmup_seconds="${WARMUP_SECONDS:-60}"
count="${COUNT:-20000}"
run="$(date +%s)"
key="ZmxlZXRqb2JzLWV4ZWN1dG9yLWJlbmNoLWtleS0wMTIzNDU2Nzg5"
hub_pid=""
service_pid=""

cleanup() {
  [[ -n "$service_pid" ]] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
  [[ -n "$hub_pid" ]] && kill "$hub_pid" 2>/dev/null && wait "$hub_pid" 2>/dev/null || true
  "$root/ops/local-kafka/kafka.sh" stop "$work/kafka" >/dev/null || true
  echo "logs and data kept in $work"
}
trap cleanup EXIT

wait_for() { # url, what
  for _ in $(seq 1 240); do curl -fsk "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "$2 did not come up; see $work" >&2; exit 1
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$hub_port" $((hub_port + 1)) "$service_port"; do
  port_free "$port" || { echo "port $port is in use; set HUB_PORT / SERVICE_PORT" >&2; exit 1; }
done

emulator_jar="${EMULATOR_JAR:-$(ls "$HOME"/.m2/repository/dev/fleetjobs/iot-hub-emulator/0.1.0-SNAPSHOT/iot-hub-emulator-*-exec.jar \
  "$root"/iot-hub-emulator/target/iot-hub-emulator-*-exec.jar 2>/dev/null | head -1)}"
[[ -f "$emulator_jar" ]] || { echo "no emulator jar: run ./mvnw -B -q -pl iot-hub-emulator -am install -DskipTests" >&2; exit 1; }

if [[ "${BUILD:-1}" == "1" || ! -f "$root/job-executor-service/target/job-executor-service-0.1.0-SNAPSHOT.jar" ]]; then
  echo "building the executor jar"
  (cd "$root" && ./mvnw -B -q -pl job-executor-service -am package -DskipTests)
fi
jar="$root/job-executor-service/target/job-executor-service-0.1.0-SNAPSHOT.jar"

"$root/ops/local-kafka/kafka.sh" start "$work/kafka" "$kafka_port"
cp="$(cat "$root/ops/local-kafka/target/classpath.txt")"

# In memory by default: a persisting emulator answers a create only once it is on disk (group
# commit), which measures the disk, not the executor. EMULATOR_STORAGE=disk keeps a data directory.
if [[ "${EMULATOR_STORAGE:-memory}" == "disk" ]]; then storage=(--data-dir "$work/hub"); else storage=(--in-memory); fi
java ${EMULATOR_JAVA_OPTS:--XX:+UseSerialGC} -jar "$emulator_jar" "${storage[@]}" --https-port "$hub_port" --mqtt-port $((hub_port + 1)) \
  --policy-key "iothubowner=$key" > "$work/emulator.log" 2>&1 &
hub_pid=$!
for _ in $(seq 1 120); do
  kill -0 "$hub_pid" 2>/dev/null || { echo "the emulator exited; see $work/emulator.log" >&2; tail -5 "$work/emulator.log" >&2; exit 1; }
  grep -q "CA trust store" "$work/emulator.log" 2>/dev/null && break; sleep 0.5
done
trust_store="$(sed -n 's/.*CA trust store (PKCS12) \(.*\)  password.*/\1/p' "$work/emulator.log" | head -1)"

FLEETJOBS_IOT_HUB_CONNECTION_STRING="HostName=localhost;SharedAccessKeyName=iothubowner;SharedAccessKey=$key" \
  java ${SERVICE_JAVA_OPTS:--Xms256m -Xmx512m} -jar "$jar" --server.port="$service_port" \
  --spring.kafka.bootstrap-servers="localhost:$kafka_port" \
  --fleetjobs.iot-hub.endpoint="localhost:$hub_port" --fleetjobs.iot-hub.trust-store="$trust_store" \
  > "$work/service.log" 2>&1 &
service_pid=$!
wait_for "http://localhost:$service_port/actuator/health/readiness" "the executor"

bench() { java -cp "$cp" "$here/ExecutorBench.java" "$@"; }
scrape() { curl -s "localhost:$service_port/actuator/prometheus" > "$1"; }

# Warm-up: a burst, then the measured rate for $WARMUP_SECONDS s in the same client JVM as the
# measurement (the executor's C2 compiler thread still took a quarter of a core 70 s in, and a
# freshly started client JVM compiling its source stalled the 2-core machine for a second).
echo "== warm-up: 2000 commands, then $rate commands/s for $warmup_seconds s"
bench throughput "localhost:$kafka_port" 2000 "warm$run" >/dev/null
echo "== latency: $rate commands/s for $latency_seconds s"
bench latency "localhost:$kafka_port" "$rate" "$latency_seconds" "lat$run" "$work/latency.csv" "$warmup_seconds" \
  "http://localhost:$service_port/actuator/prometheus" "$work/before.prom" | tee "$work/latency.txt"
scrape "$work/after.prom"
bench hubcall "$work/before.prom" "$work/after.prom" | tee -a "$work/latency.txt"
echo "== throughput: $count commands as fast as they come"
bench throughput "localhost:$kafka_port" "$count" "thr$run" | tee "$work/throughput.txt"

echo
echo "== Summary ($(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg))"
cat "$work/latency.txt" "$work/throughput.txt"
curl -s "localhost:$service_port/actuator/prometheus" | grep -E '^fleetjobs_executor_(retries_total|queued_jobs|commands_total)' || true
