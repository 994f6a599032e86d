#!/usr/bin/env bash
# job-request-service benchmark, one command:  job-request-service/bench/run.sh
#
# Starts a real single-node Kafka broker (ops/local-kafka), then
#  1. Kafka ingress: starts the service, warms it up with 20,000 requests, then sends $INGRESS_COUNT
#     job requests to fleetjobs.requests and measures ScheduleJob commands per second from the
#     commands' own timestamps (goal >= 5,000/s);
#  2. REST: wrk POSTs /api/jobs with an API key and fresh request ids, first as fast as it can
#     (throughput, goal >= 1,000 req/s), then paced at about 1,000 req/s (latency, goal p99 <= 50 ms).
# Environment: INGRESS_COUNT (100000), WRK_DURATION (30s), WRK_CONNECTIONS (16), WRK_THREADS (2),
# KAFKA_PORT (29092), SERVICE_PORT (18081), MANAGEMENT_PORT (18091: health and metrics), BUILD=0 to skip building the jar.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d /tmp/fleetjobs-bench.XXXXXX)"
kafka_port="${KAFKA_PORT:-29092}"
service_port="${SERVICE_PORT:-18081}"
management_port="${MANAGEMENT_PORT:-18091}"
count="${INGRESS_COUNT:-100000}"
run="$(date +%s)"
service_pid=""

cleanup() {
  [[ -n "$service_pid" ]] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
  "$root/ops/local-kafka/kafka.sh" stop "$work/kafka" >/dev/null || true
  echo "logs and data kept in $work"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }

if [[ "${BUILD:-1}" == "1" || ! -f "$root/job-request-service/target/job-request-service-0.1.0-SNAPSHOT.jar" ]]; then
  echo "building the service jar"
  (cd "$root" && ./mvnw -B -q -pl job-contracts install -DskipTests && ./mvnw -B -q -pl job-request-service package -DskipTests)
fi
jar="$(ls "$root"/job-request-service/target/job-request-service-*.jar | grep -v plain | head -1)"

"$root/ops/local-kafka/kafka.sh" start "$work/kafka" "$kafka_port"
cp="$(cat "$root/ops/local-kafka/target/classpath.txt")"
bench() { java -cp "$cp" "$here/IngressBench.java" "$@"; }

api_key="bench-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
api_hash="$(printf '%s' "$api_key" | sha256sum | cut -d' ' -f1)"
FLEETJOBS_SECURITY_API_KEYS_0_NAME=bench FLEETJOBS_SECURITY_API_KEYS_0_HASH="$api_hash" \
FLEETJOBS_SECURITY_API_KEYS_0_SCOPES=jobs:submit,jobs:cancel,jobs:read \
  java ${SERVICE_JAVA_OPTS:--Xms512m -Xmx1g} -jar "$jar" --server.port="$service_port" --management.server.port="$management_port" \
  --spring.kafka.bootstrap-servers="localhost:$kafka_port" --fleetjobs.security.data-dir="$work/service-data" \
  > "$work/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 1 120); do
  curl -fs "localhost:$management_port/actuator/health/readiness" >/dev/null && break; sleep 0.5
done

echo "== Kafka ingress: warm-up with 20000 requests"
bench produce "localhost:$kafka_port" 20000 "warm$run"
bench measure "localhost:$kafka_port" 20000 180 "warm$run" >/dev/null
echo "== Kafka ingress: $count requests sent as fast as the producer can, commands timed by their timestamps"
bench produce "localhost:$kafka_port" "$count" "$run"
bench measure "localhost:$kafka_port" "$count" 180 "$run" | tee "$work/ingress.txt"

echo "== REST: warm-up 10 s"
FLEETJOBS_API_KEY="$api_key" BENCH_RUN="warm$run" wrk -t"${WRK_THREADS:-2}" -c"${WRK_CONNECTIONS:-16}" -d10s \
  -s "$here/post-job.lua" "http://localhost:$service_port" >/dev/null
echo "== REST: wrk -t${WRK_THREADS:-2} -c${WRK_CONNECTIONS:-16} -d${WRK_DURATION:-30s}"
FLEETJOBS_API_KEY="$api_key" BENCH_RUN="$run" wrk -t"${WRK_THREADS:-2}" -c"${WRK_CONNECTIONS:-16}" \
  -d"${WRK_DURATION:-30s}" --latency -s "$here/post-job.lua" "http://localhost:$service_port" | tee "$work/wrk.txt"

echo "== REST paced at about 1,000 requests/s: wrk -t2 -c32 -d${WRK_DURATION:-30s}, 25 ms pause per connection"
FLEETJOBS_API_KEY="$api_key" BENCH_RUN="paced$run" WRK_DELAY_MS=25 wrk -t2 -c32 -d"${WRK_DURATION:-30s}" --latency \
  -s "$here/post-job.lua" "http://localhost:$service_port" | tee "$work/wrk-paced.txt"

echo
echo "== Summary ($(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1))"
cat "$work/ingress.txt"
summary() { awk -v what="$1" '/Requests\/sec/{print what ": " $2 " requests/s"} /^ +50%/{print what ": p50 " $2} /^ +99%/{print what ": p99 " $2} /Non-2xx/{print what ": NON-2xx responses: " $NF}' "$2"; }
summary "rest (saturated, ${WRK_CONNECTIONS:-16} connections)" "$work/wrk.txt"
summary "rest (paced, 32 connections)" "$work/wrk-paced.txt"
curl -s "localhost:$management_port/actuator/prometheus" | grep -E '^fleetjobs_requests_(accepted|rejected)_total' || true
