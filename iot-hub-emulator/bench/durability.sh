#!/usr/bin/env bash
# What committing before answering costs: raw group commits, then twin patches and job creates
# through the official service SDK on a data-directory and an in-memory emulator.
# Usage: iot-hub-emulator/bench/durability.sh   (env: CALLS, default 300)
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/.." && pwd)"
cd "$root"
./mvnw -B -q -pl iot-hub-query install -DskipTests
./mvnw -B -q -pl iot-hub-emulator test-compile -DskipTests
./mvnw -B -q -pl iot-hub-emulator dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$module/target/bench-classpath.txt" >/dev/null
exec java -Xmx512m -XX:+UseSerialGC -Dcalls="${CALLS:-300}" \
  -Dlogback.configurationFile="$module/src/test/resources/logback-test.xml" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")" \
  dev.fleetjobs.emulator.bench.DurabilityBenchmark
