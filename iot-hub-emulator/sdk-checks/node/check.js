// Smoke check of the official Node SDKs against the emulator (see iot-hub-emulator/README.md).
// Service on 443 (connection string); device on MQTT/TLS with HostName=localhost:<MQTT_PORT>,
// or on MQTT over WebSockets (port 443) with TRANSPORT=ws.
// npm install azure-iothub@1.16.6 azure-iot-device@1.18.4 azure-iot-device-mqtt@1.16.4
// SERVICE_CS='HostName=localhost;SharedAccessKeyName=iothubowner;SharedAccessKey=...' \
//   CA_PEM=<data-dir>/ca.pem NODE_EXTRA_CA_CERTS=<data-dir>/ca.pem node node-sdk-check.js
const { Registry, Client: ServiceClient } = require('azure-iothub');
const { Client: DeviceClient } = require('azure-iot-device');
const { Mqtt, MqttWs } = require('azure-iot-device-mqtt');

const serviceCs = process.env.SERVICE_CS;
const mqttPort = process.env.MQTT_PORT || '18883';
const ca = process.env.CA_PEM;
const deviceId = 'node-' + Date.now();

function fail(message) { console.error('FAIL ' + message); process.exit(1); }

(async () => {
  const registry = Registry.fromConnectionString(serviceCs);
  const created = (await registry.create({ deviceId })).responseBody;
  if (!created.authentication.symmetricKey.primaryKey) fail('no generated key');
  console.log('registry.create ok, generated keys');

  const ws = process.env.TRANSPORT === 'ws';
  const host = ws ? 'localhost' : `localhost:${mqttPort}`;
  const device = DeviceClient.fromConnectionString(
    `HostName=${host};DeviceId=${deviceId};SharedAccessKey=${created.authentication.symmetricKey.primaryKey}`, ws ? MqttWs : Mqtt);
  await device.setOptions({ ca });
  await device.open();
  device.onDeviceMethod('lockDoor', (request, response) =>
    response.send(200, { Response: 'lockDoor called successfully', got: request.payload }));
  const deviceTwin = await device.getTwin();
  const desired = new Promise((resolve) => deviceTwin.on('properties.desired', (d) => { if (d.lockTime) resolve(d); }));
  await new Promise((resolve, reject) => deviceTwin.properties.reported.update({ locked: true }, (e) => e ? reject(e) : resolve()));
  console.log(`device connected over ${ws ? 'MQTT/WebSockets' : 'MQTT/TLS'}, reported patch sent`);

  const twin = (await registry.getTwin(deviceId)).responseBody;
  await twin.update({ tags: { floor: 3 }, properties: { desired: { lockTime: '10m' } } });
  const patch = await desired;
  if (patch.$version !== 2) fail('desired $version ' + patch.$version);
  console.log('desired patch reached the device with $version 2');

  const after = (await registry.getTwin(deviceId)).responseBody;
  if (after.properties.reported.locked !== true) fail('reported not visible');
  console.log('reported property visible to the service');

  const service = ServiceClient.fromConnectionString(serviceCs);
  const result = (await service.invokeDeviceMethod(deviceId, { methodName: 'lockDoor', payload: { lockTime: '10m' }, responseTimeoutInSeconds: 10 })).result;
  if (result.status !== 200 || result.payload.got.lockTime !== '10m') fail('method result ' + JSON.stringify(result));
  console.log('direct method answered: ' + JSON.stringify(result));

  const query = registry.createQuery(`SELECT * FROM devices WHERE tags.floor = 3 AND deviceId = '${deviceId}'`, 1);
  const page = await query.nextAsTwin();
  if (page.result.length !== 1 || query.hasMoreResults) fail('query ' + JSON.stringify(page.result));
  console.log('query with page size 1: one twin, no more pages');

  try {
    await service.invokeDeviceMethod('missing-' + deviceId, { methodName: 'x', responseTimeoutInSeconds: 5 });
    fail('no error for a missing device');
  } catch (error) {
    if (error.constructor.name !== 'DeviceNotFoundError') fail('error type ' + error.constructor.name);
    console.log('missing device: ' + error.constructor.name);
  }
  await device.close();
  await registry.delete(deviceId);
  console.log('PASS');
  process.exit(0);
})().catch((error) => fail(error.stack || error));
