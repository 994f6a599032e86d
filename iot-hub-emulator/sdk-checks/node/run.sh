#!/usr/bin/env bash
# Runs check.js with the official Node SDKs against a fresh emulator: service on 443 (the Node
# service client cannot take a port, so this needs root or cap_net_bind_service), device over
# MQTT/TLS on 18883 and over MQTT/WebSockets on 443.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/../.." && pwd)"
cd "$module/.." && ./mvnw -B -q -pl iot-hub-emulator -am package -DskipTests
cd "$here" && npm install --no-audit --no-fund --silent
data="$(mktemp -d)"
key=ZmxlZXRqb2JzLW5vZGUtY2hlY2stb3duZXIta2V5LTAx
java -jar "$(ls "$module"/target/iot-hub-emulator-*-exec.jar | head -n 1)" --data-dir "$data" \
  --https-port 443 --mqtt-port 18883 --policy-key "iothubowner=$key" --no-banner > "$data/emulator.log" 2>&1 &
emulator=$!
trap 'kill $emulator; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do grep -qs listening "$data/emulator.log" && break; sleep 1; done
export SERVICE_CS="HostName=localhost;SharedAccessKeyName=iothubowner;SharedAccessKey=$key"
export CA_PEM="$data/ca.pem" NODE_EXTRA_CA_CERTS="$data/ca.pem" MQTT_PORT=18883
node check.js
TRANSPORT=ws node check.js
