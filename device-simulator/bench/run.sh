#!/usr/bin/env bash
# device-simulator benchmark, one command:  device-simulator/bench/run.sh
#
# Starts the iot-hub-emulator jar (a separate process), then measures, each engine in its
# own JVM: devices per process, connect rate, RSS / live heap / threads per device, for
#   light     the light engine (HiveMQ client, shared event loop), LIGHT_DEVICES devices
#   baseline  a plain HiveMQ-client load generator (same TLS, login, one SUBSCRIBE), same count
#   sdk       the SDK engine (one iot-device-client per device), SDK_DEVICES devices
# and the time of a lockDoor job (ScheduledJobsClient) over the light fleet.
#
# Environment: ENGINES ("baseline light sdk"), LIGHT_DEVICES (10000), SDK_DEVICES (1000),
# WARMUP_DEVICES (10000, connected first and not reported: warms the emulator's JIT so the
# first measured engine is not penalised), TRANSPORT (mqtt; the sdk engine
# always uses mqtt-ws, the only way the device SDK reaches a hub on a non-default port),
# LIGHT_CONCURRENCY (256), SDK_CONCURRENCY (64), SIM_JAVA_OPTS, EMULATOR_JAVA_OPTS, WORK_DIR.
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
ENGINES=${ENGINES:-baseline light sdk}
WARMUP_DEVICES=${WARMUP_DEVICES:-10000}
LIGHT_DEVICES=${LIGHT_DEVICES:-10000}
SDK_DEVICES=${SDK_DEVICES:-1000}
TRANSPORT=${TRANSPORT:-mqtt}
LIGHT_CONCURRENCY=${LIGHT_CONCURRENCY:-256}
SDK_CONCURRENCY=${SDK_CONCURRENCY:-64}
SIM_JAVA_OPTS=${SIM_JAVA_OPTS:--XX:+UseSerialGC -Xss256k -Xms64m -Xmx1g -XX:TieredStopAtLevel=1}
EMULATOR_JAVA_OPTS=${EMULATOR_JAVA_OPTS:--Xms256m -Xmx2g -XX:+UseSerialGC -XX:-TieredCompilation}
WORK_DIR=${WORK_DIR:-$(mktemp -d /tmp/device-simulator-bench.XXXXXX)}
HTTPS_PORT=28443
MQTT_PORT=28883
OWNER_KEY=ZmxlZXRqb2JzLWRldi1vd25lci1rZXktMDEyMzQ1Njc4OQ==
export MALLOC_ARENA_MAX=2

if [ "$(ulimit -n)" -lt $((LIGHT_DEVICES + 1000)) ]; then
	ulimit -n $((LIGHT_DEVICES + 2000)) 2>/dev/null || {
		echo "Open-file limit $(ulimit -n) is below $((LIGHT_DEVICES + 1000)); raise it (ulimit -n)" >&2
		exit 1
	}
fi

emulator_jar() { ls "$ROOT"/iot-hub-emulator/target/iot-hub-emulator-*-exec.jar 2>/dev/null | head -1; }
if [ -z "$(emulator_jar)" ]; then
	echo "Building the emulator jar ..."
	./mvnw -q -pl iot-hub-emulator -am package -DskipTests
fi
echo "Compiling the simulator and its benchmark classes ..."
./mvnw -B -q -pl device-simulator test-compile dependency:build-classpath \
	-Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CLASSPATH_SIM="$ROOT/device-simulator/target/classes:$ROOT/device-simulator/target/test-classes:$(cat device-simulator/target/bench-classpath.txt)"

cp "$(emulator_jar)" "$WORK_DIR/emulator.jar"
echo "Starting the emulator (work dir $WORK_DIR) ..."
# shellcheck disable=SC2086
java $EMULATOR_JAVA_OPTS -jar "$WORK_DIR/emulator.jar" --data-dir "$WORK_DIR/hub-data" \
	--https-port $HTTPS_PORT --mqtt-port $MQTT_PORT --policy-key "iothubowner=$OWNER_KEY" --no-banner \
	>"$WORK_DIR/emulator.log" 2>&1 &
EMULATOR_PID=$!
trap 'kill $EMULATOR_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
	[ -f "$WORK_DIR/hub-data/ca.pem" ] && (exec 3<>/dev/tcp/127.0.0.1/$HTTPS_PORT) 2>/dev/null && break
	sleep 1
done

run() { # engine transport count concurrency prefix [job]
	echo "--- $1 over $2: $3 devices"
	# shellcheck disable=SC2086
	java $SIM_JAVA_OPTS -cp "$CLASSPATH_SIM" dev.fleetjobs.simulator.bench.FleetBenchmark "$1" "$2" "$3" localhost \
		$HTTPS_PORT $MQTT_PORT "$WORK_DIR/hub-data/ca.pem" "$OWNER_KEY" "$5" "$4" ${6:-} \
		2>"$WORK_DIR/$5.log" | grep '^RESULT ' | sed 's/^RESULT //' | tee -a "$WORK_DIR/results.jsonl"
}

: >"$WORK_DIR/results.jsonl"
if [ "$WARMUP_DEVICES" -gt 0 ]; then
	echo "--- warm-up: $WARMUP_DEVICES devices (not reported)"
	# shellcheck disable=SC2086
	java $SIM_JAVA_OPTS -cp "$CLASSPATH_SIM" dev.fleetjobs.simulator.bench.FleetBenchmark baseline "$TRANSPORT" \
		"$WARMUP_DEVICES" localhost $HTTPS_PORT $MQTT_PORT "$WORK_DIR/hub-data/ca.pem" "$OWNER_KEY" bench-warmup \
		"$LIGHT_CONCURRENCY" >/dev/null 2>"$WORK_DIR/bench-warmup.log"
fi
for engine in $ENGINES; do
	case $engine in
		baseline) run baseline "$TRANSPORT" "$LIGHT_DEVICES" "$LIGHT_CONCURRENCY" bench-baseline ;;
		light) run light "$TRANSPORT" "$LIGHT_DEVICES" "$LIGHT_CONCURRENCY" bench-light job ;;
		sdk) run sdk mqtt-ws "$SDK_DEVICES" "$SDK_CONCURRENCY" "bench-sdk-$SDK_DEVICES" ;;
		*) echo "Unknown engine $engine" >&2 ;;
	esac
done

python3 - "$WORK_DIR/results.jsonl" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
print()
print("| engine | transport | devices | connected | connect s | connects/s | RSS MB before -> after | RSS KB/device | live heap KB/device | threads/device |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for r in rows:
    print(f"| {r['engine']} | {r['transport']} | {r['devices']} | {r['connected']} | {r['connectSeconds']} | {r['connectsPerSecond']} | "
          f"{r['rssBeforeMb']} -> {r['rssAfterMb']} | {r['rssKbPerDevice']} | {r['liveHeapKbPerDevice']} | {r['threadsPerDevice']} |")
by = {r['engine']: r for r in rows}
if 'light' in by and 'baseline' in by:
    print(f"\nlight / baseline RSS per device: {by['light']['rssKbPerDevice'] / by['baseline']['rssKbPerDevice']:.2f}x (goal <= 1.5x)")
if 'light' in by and 'jobSeconds' in by['light']:
    l = by['light']
    print(f"lockDoor job over {l['jobDevices']} light devices: {l['jobSeconds']} s (first job: {l['firstJobSeconds']} s), {l['jobStatus']}, "
          f"succeeded {l['jobSucceeded']}, failed {l['jobFailed']}; reported locked: {l['reportLocked']}")
PY
echo "Logs and results: $WORK_DIR"
