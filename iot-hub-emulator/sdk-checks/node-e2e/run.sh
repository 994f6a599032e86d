#!/usr/bin/env bash
# Runs the official Azure IoT Node SDK e2e files against a fresh emulator, over MQTT and MQTT over
# WebSockets, and prints passed/failed/pending per file and transport (see README.md).
# Usage: iot-hub-emulator/sdk-checks/node-e2e/run.sh [file ...]     (default: every file in run.js)
# Env: HTTPS_PORT (18443), MQTT_PORT (18883), EMULATOR_JAR (default: build it), NODE_SDK_GIT (a local
#      clone of Azure/azure-iot-sdk-node to take the e2e files from), RESULTS (default .work/results).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/../.." && pwd)"
commit=e940876ef0d4704ddc28fb7b198ab8b4ff85dfbe   # the azure-iot-sdk-node build whose e2e files are run
work="$here/.work"
mkdir -p "$work"

if [ -z "${EMULATOR_JAR:-}" ]; then
  (cd "$module/.." && ./mvnw -B -q -pl iot-hub-emulator -am package -DskipTests)
  EMULATOR_JAR="$(ls "$module"/target/iot-hub-emulator-*-exec.jar | head -n 1)"
fi

cd "$here"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --silent
fi

# The e2e files are Microsoft's (MIT) and are not copied into this repository: they are taken from
# the pinned commit, from NODE_SDK_GIT or from GitHub.
tests="$work/e2etests-$commit"
if [ ! -d "$tests/e2etests/test" ]; then
  rm -rf "$tests.tmp" && mkdir -p "$tests.tmp"
  if [ -n "${NODE_SDK_GIT:-}" ]; then
    git -C "$NODE_SDK_GIT" archive "$commit" e2etests/test | tar -x -C "$tests.tmp"
  else
    git -C "$tests.tmp" init -q
    git -C "$tests.tmp" fetch -q --depth 1 https://github.com/Azure/azure-iot-sdk-node.git "$commit"
    git -C "$tests.tmp" archive FETCH_HEAD e2etests/test | tar -x -C "$tests.tmp"
    rm -rf "$tests.tmp/.git"
  fi
  mv "$tests.tmp" "$tests"
fi

results="${RESULTS:-$work/results}"
mkdir -p "$results"
log="$results/emulator.log"
https_port="${HTTPS_PORT:-18443}"
mqtt_port="${MQTT_PORT:-18883}"
data="$(mktemp -d)"
key="$(head -c 32 /dev/urandom | base64)"
java -XX:+UseSerialGC -Xmx512m -jar "$EMULATOR_JAR" --in-memory --ca-dir "$data" \
  --https-port "$https_port" --mqtt-port "$mqtt_port" --policy-key "iothubowner=$key" --no-banner \
  > "$log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null || true; wait $emulator 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 90); do grep -qs listening "$log" && break; sleep 1; done
grep -qs listening "$log" || { cat "$log"; echo "the emulator did not start" >&2; exit 1; }

# What the e2e files read from the environment. The X.509 helpers need a CA to load at all (X.509
# is not emulated); Event Hubs is not emulated, so its connection string only has to parse.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=node-e2e dummy CA" \
  -keyout "$data/dummy-ca.key" -out "$data/dummy-ca.pem" 2>/dev/null
export IOTHUB_CONNECTION_STRING="HostName=localhost;SharedAccessKeyName=iothubowner;SharedAccessKey=$key"
export IOTHUB_CA_ROOT_CERT="$(base64 -w0 "$data/dummy-ca.pem")"
export IOTHUB_CA_ROOT_CERT_KEY="$(base64 -w0 "$data/dummy-ca.key")"
export EVENTHUB_CONNECTION_STRING="Endpoint=sb://localhost/;SharedAccessKeyName=none;SharedAccessKey=bm9uZQ==;EntityPath=none"
export NODE_EXTRA_CA_CERTS="$data/ca.pem"
export E2E_HOST=localhost E2E_HTTPS_PORT="$https_port" E2E_MQTT_PORT="$mqtt_port"
export E2E_TESTS="$tests/e2etests/test" RESULTS="$results"
node "$here/run.js" "$@"
