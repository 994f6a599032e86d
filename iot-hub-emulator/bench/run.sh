#!/usr/bin/env bash
# Fan-out benchmark: 10,000 MQTT/TLS devices on the emulator (REST calls and a scheduled job) vs mosquitto, in one run.
# Usage: iot-hub-emulator/bench/run.sh   (env: DEVICES, WINDOW, ROUNDS, WARMUPS, MODES=http,job, TARGETS, EMULATOR_JAVA_OPTS)
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/.." && pwd)"
if ! command -v mosquitto >/dev/null 2>&1; then
  echo "Installing mosquitto (Debian package)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mosquitto >/dev/null
fi
cd "$root"
if ! ls "$root"/job-contracts/target/*.jar >/dev/null 2>&1 && [ ! -d ~/.m2/repository/dev/fleetjobs/job-contracts ]; then
  ./mvnw -B -q -pl job-contracts install -DskipTests
fi
./mvnw -B -q -pl iot-hub-query install -DskipTests
./mvnw -B -q -pl iot-hub-emulator package -DskipTests
./mvnw -B -q -pl iot-hub-emulator dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$module/target/bench-classpath.txt" >/dev/null
jar=$(ls "$module"/target/iot-hub-emulator-*-exec.jar | head -n 1)
work="${WORK:-/tmp/fleetjobs-bench}"
rm -rf "$work" && mkdir -p "$work"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
export EMULATOR_JAVA_OPTS="${EMULATOR_JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseSerialGC -XX:-TieredCompilation}"
exec java -Xmx1g -XX:+UseSerialGC \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")" \
  -Ddevices="${DEVICES:-10000}" -Dwindow="${WINDOW:-256}" -Drounds="${ROUNDS:-3}" -Dwarmups="${WARMUPS:-2}" -Dthreads="${THREADS:-false}" -Dtargets="${TARGETS:-emulator,mosquitto}" -Dmodes="${MODES:-http,job}" \
  -Demulator.jar="$jar" -Dwork="$work" \
  dev.fleetjobs.emulator.bench.FanOutBenchmark
