// Loaded into every mocha run with --require (see README.md). Two things the official e2e files
// cannot be told from the outside:
// - Ports. The Node service client always dials 443 and MqttWs always dials 443
//   (iot-hub-protocol.md §0.1), so TLS connections to the emulator's host on 443 and 8883 go to
//   E2E_HTTPS_PORT and E2E_MQTT_PORT instead. Nothing else changes: host name, SNI, SAS tokens and
//   the WebSocket Host header still say the hub's name, as on the default ports.
// - Transport. With E2E_TRANSPORT=ws, files that only list Mqtt (job_client, twin_e2e_tests) run
//   over MqttWs.
'use strict';
const tls = require('tls');

const host = process.env.E2E_HOST || 'localhost';
const ports = { 443: Number(process.env.E2E_HTTPS_PORT || 443), 8883: Number(process.env.E2E_MQTT_PORT || 8883) };
const connect = tls.connect;

function mapped(target, port) {
  const to = ports[Number(port)];
  return (target === undefined || target === host || target === '127.0.0.1') && to ? to : undefined;
}

tls.connect = function (...args) {
  if (args[0] !== null && typeof args[0] === 'object') {
    const to = mapped(args[0].host, args[0].port);
    if (to) {
      args[0] = Object.assign({}, args[0], { port: to });
    }
  }
  else if (typeof args[0] === 'number' || typeof args[0] === 'string') {
    const target = typeof args[1] === 'string' ? args[1] : undefined;
    const to = mapped(target, args[0]);
    if (to) {
      args[0] = to;
    }
  }
  return connect.apply(this, args);
};

if (process.env.E2E_TRANSPORT === 'ws') {
  const mqtt = require('azure-iot-device-mqtt');
  Object.defineProperty(mqtt, 'Mqtt', { value: mqtt.MqttWs, enumerable: true, writable: true });
}
