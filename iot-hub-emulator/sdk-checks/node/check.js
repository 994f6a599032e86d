// Smoke check of the official Node SDKs against the emulator (see iot-hub-emulator/README.md).
// Service on 443 (connection string); device on MQTT/TLS with HostName=localhost:<MQTT_PORT>,
// or on MQTT over WebSockets (port 443) with TRANSPORT=ws.
// npm install azure-iothub@1.16.6 azure-iot-device@1.18.4 azure-iot-device-mqtt@1.16.4
// SERVICE_CS='HostName=localhost;SharedAccessKeyName=iothubowner;SharedAccessKey=...' \
//   CA_PEM=<data-dir>/ca.pem NODE_EXTRA_CA_CERTS=<data-dir>/ca.pem node node-sdk-check.js
const { Registry, Client: ServiceClient, JobClient } = require('azure-iothub');
const { Client: DeviceClient } = require('azure-iot-device');
const { Mqtt, MqttWs } = require('azure-iot-device-mqtt');

const serviceCs = process.env.SERVICE_CS;
const mqttPort = process.env.MQTT_PORT || '18883';
const ca = process.env.CA_PEM;
const deviceId = 'node-' + Date.now();

function fail(message) { console.error('FAIL ' + message); process.exit(1); }

async function awaitJob(jobs, jobId) {
  for (let i = 0; i < 100; i++) {
    const job = (await jobs.getJob(jobId)).jobStatus;
    if (['completed', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  fail('job ' + jobId + ' did not finish');
}

async function checkJobs(registry, deviceId) {
  const jobs = JobClient.fromConnectionString(serviceCs);
  const condition = `deviceId = '${deviceId}'`;
  const methodJob = 'node-method-' + Date.now();
  const created = (await jobs.scheduleDeviceMethod(methodJob, condition,
    { methodName: 'lockDoor', payload: { lockTime: '10m' }, responseTimeoutInSeconds: 10 }, new Date(), 60)).jobStatus;
  if (created.status !== 'queued' || created.type !== 'scheduleDeviceMethod') fail('created ' + JSON.stringify(created));
  const done = await awaitJob(jobs, methodJob);
  if (done.status !== 'completed' || done.deviceJobStatistics.succeededCount !== 1) fail('method job ' + JSON.stringify(done));
  const records = (await registry.createQuery(`SELECT * FROM devices.jobs WHERE devices.jobs.jobId = '${methodJob}'`).next()).result;
  if (records.length !== 1 || records[0].outcome.deviceMethodResponse.status !== 200) fail('records ' + JSON.stringify(records));
  console.log('method job completed; device record: ' + JSON.stringify(records[0].outcome));

  const twinJob = 'node-twin-' + Date.now();
  await jobs.scheduleTwinUpdate(twinJob, condition, { etag: '*', properties: { desired: { building: 43 } } }, new Date(), 60);
  const twinDone = await awaitJob(jobs, twinJob);
  const desired = (await registry.getTwin(deviceId)).responseBody.properties.desired;
  if (twinDone.status !== 'completed' || desired.building !== 43) fail('twin job ' + JSON.stringify(twinDone));
  console.log('twin job completed, desired building = 43');

  const later = 'node-later-' + Date.now();
  await jobs.scheduleDeviceMethod(later, condition, { methodName: 'lockDoor' }, new Date(Date.now() + 3600000), 60);
  const cancelled = (await jobs.cancelJob(later)).jobStatus;
  if (cancelled.status !== 'cancelled') fail('cancel ' + JSON.stringify(cancelled));
  const listed = (await jobs.createQuery('scheduleDeviceMethod', 'completed', 100).next()).result;
  if (!listed.some((job) => job.jobId === methodJob)) fail('job list ' + JSON.stringify(listed));
  console.log('future job cancelled; job list finds the completed method job');
}

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
  await checkJobs(registry, deviceId);
  await device.close();
  await registry.delete(deviceId);
  console.log('PASS');
  process.exit(0);
})().catch((error) => fail(error.stack || error));
