#!/usr/bin/env bash
# job-status-service benchmark, one command:  job-status-service/bench/run.sh
#
# Starts a real single-node Kafka broker (ops/local-kafka), the emulator jar (unlimited tier
# profile, in its own process) and the service jar, then the driver (StatusBenchmark) measures:
#  1. freshness: from a hub job's end time to its terminal and final progress events on Kafka,
#     for jobs whose end the poller cannot predict (offline devices, 2-6 s connect timeouts);
#  2. hub calls per tracked job per minute, in a job's first minute and after, at steady state;
#  3. the time to publish the device results of twin jobs on RESULTS_DEVICES (10,000) devices.
# Environment: FRESHNESS_JOBS (40), CONCURRENT (4), STEADY_JOBS (10), STEADY_SECONDS (180),
# RESULTS_DEVICES (10000), RESULTS_ROUNDS (4, the first warms up), WARMUP_JOBS (8), JOB_OPS_BUDGET (300), QUERY_BUDGET (600),
# SERVICE_ARGS (more --key=value for the service), KAFKA_PORT (29192), HUB_PORT (28543),
# SERVICE_PORT (18083), MANAGEMENT_PORT (18093: health and metrics), BUILD=0 to skip building.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
module="$root/job-status-service"
work="$(mktemp -d /tmp/fleetjobs-status-bench.XXXXXX)"
kafka_port="${KAFKA_PORT:-29192}"
hub_port="${HUB_PORT:-28543}"
mqtt_port="$((hub_port + 440))"
admin_port="$((hub_port + 1))"
service_port="${SERVICE_PORT:-18083}"
management_port="${MANAGEMENT_PORT:-18093}"
key="$(head -c 32 /dev/urandom | base64)"
api_key="bench-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
api_hash="$(printf '%s' "$api_key" | sha256sum | cut -d' ' -f1)"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  "$root/ops/local-kafka/kafka.sh" stop "$work/kafka" >/dev/null 2>&1 || true
  echo "logs kept in $work"
}
trap cleanup EXIT

if [[ "${BUILD:-1}" == "1" || ! -f "$module/target/job-status-service-0.1.0-SNAPSHOT.jar" ]]; then
  echo "building the service jar"
  if [[ ! -d ~/.m2/repository/dev/fleetjobs/job-contracts ]]; then
    (cd "$root" && ./mvnw -B -q -pl job-contracts install -DskipTests)
  fi
  (cd "$root" && ./mvnw -B -q -pl job-status-service package -DskipTests)
fi
emulator_jar="$(ls "$root"/iot-hub-emulator/target/iot-hub-emulator-*-exec.jar 2>/dev/null | head -1 || true)"
if [[ -z "$emulator_jar" ]]; then
  emulator_jar="$(ls ~/.m2/repository/dev/fleetjobs/iot-hub-emulator/0.1.0-SNAPSHOT/iot-hub-emulator-*-exec.jar 2>/dev/null | head -1 || true)"
fi
if [[ -z "$emulator_jar" ]]; then
  echo "building the emulator jar"
  (cd "$root" && ./mvnw -B -q -pl iot-hub-emulator -am install -DskipTests)
  emulator_jar="$(ls "$root"/iot-hub-emulator/target/iot-hub-emulator-*-exec.jar | head -1)"
fi
(cd "$root" && ./mvnw -B -q -pl job-status-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath.txt" >/dev/null)

"$root/ops/local-kafka/kafka.sh" start "$work/kafka" "$kafka_port"

java -XX:+UseSerialGC -Xmx1g -jar "$emulator_jar" --data-dir "$work/hub" --https-port "$hub_port" \
  --mqtt-port "$mqtt_port" --admin-port "$admin_port" --policy-key "iothubowner=$key" --tier unlimited \
  --no-banner > "$work/emulator.log" 2>&1 &
pids+=($!)
# any HTTP answer (401 without a token) means the emulator is up
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$admin_port/admin/tier" && break; sleep 0.5; done

connection_string="HostName=localhost;SharedAccessKeyName=iothubowner;SharedAccessKey=$key"
FLEETJOBS_SECURITY_API_KEYS_0_NAME=bench FLEETJOBS_SECURITY_API_KEYS_0_HASH="$api_hash" \
FLEETJOBS_SECURITY_API_KEYS_0_SCOPES=jobs:read \
java ${SERVICE_JAVA_OPTS:--XX:+UseSerialGC -Xmx512m} -jar "$module/target/job-status-service-0.1.0-SNAPSHOT.jar" \
  --server.port="$service_port" --management.server.port="$management_port" --spring.kafka.bootstrap-servers="localhost:$kafka_port" \
  --fleetjobs.iot-hub.connection-string="$connection_string" --fleetjobs.iot-hub.endpoint="localhost:$hub_port" \
  --fleetjobs.iot-hub.trust-store="$work/hub/ca.p12" \
  --fleetjobs.hub-budget.job-operations-per-minute="${JOB_OPS_BUDGET:-300}" \
  --fleetjobs.hub-budget.queries-per-minute="${QUERY_BUDGET:-600}" \
  --fleetjobs.security.local-key-file="$work/no-key" ${SERVICE_ARGS:-} > "$work/service.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -fs "localhost:$management_port/actuator/health/readiness" >/dev/null && break; sleep 0.5; done

echo "== driver (emulator $(basename "$emulator_jar"), tier unlimited; service budget ${JOB_OPS_BUDGET:-300} job operations and ${QUERY_BUDGET:-600} queries per minute, default cadence)"
java -XX:+UseSerialGC -Djavax.net.ssl.trustStore="$work/hub/ca.p12" -Djavax.net.ssl.trustStorePassword=changeit \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$work/classpath.txt")" \
  dev.fleetjobs.status.bench.StatusBenchmark "localhost:$kafka_port" "localhost:$hub_port" "$connection_string" \
  "http://localhost:$management_port" "http://127.0.0.1:$admin_port" 2>"$work/driver.log" | tee "$work/bench.txt"

echo
echo "== Summary ($(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg))"
cat "$work/bench.txt"
curl -s "localhost:$management_port/actuator/prometheus" | grep -E '^fleetjobs_status_(hub_calls_total|publish_lag_seconds_(count|sum|max))' || true
echo "== the read API: the newest job, and two of its device results"
curl -s -H "X-API-Key: $api_key" "localhost:$service_port/api/jobs?size=1"; echo
newest="$(curl -s -H "X-API-Key: $api_key" "localhost:$service_port/api/jobs?size=1" | sed -E 's/.*"jobId":"([^"]+)".*/\1/')"
curl -s -H "X-API-Key: $api_key" "localhost:$service_port/api/jobs/$newest/devices?size=2"; echo
