// Runs each official e2e file with mocha over MQTT and over MQTT/WebSockets and prints
// "passed, failed, pending" per file and transport, then the failures (see README.md).
// Started by run.sh, which starts the emulator and sets the environment.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const tests = process.env.E2E_TESTS;
const results = process.env.RESULTS;
const mocha = path.join(__dirname, 'node_modules', 'mocha', 'bin', 'mocha.js');

// How each file picks its transports: 'service' files use no device client; 'listed' files name
// Mqtt and MqttWs in their test titles; 'mqtt-only' files use Mqtt alone, so the preload swaps in
// MqttWs for the second run. AMQP and HTTP device transports are out of scope.
const files = {
  job_client: 'mqtt-only',
  device_method: 'listed',
  twin_e2e_tests: 'mqtt-only',
  registry: 'service',
  sas_token_tests: 'listed',
  authentication: 'listed',
  device_service: 'listed',
  method_disconnect: 'listed',
  twin_disconnect: 'listed',
  module_crud: 'service',
  module_messaging: 'listed',
  module_methods: 'listed',
  module_twin: 'listed',
};

function runs(kind) {
  const noMqttWs = { grep: 'Amqp|Http|MqttWs', invert: true };
  switch (kind) {
    case 'service':
      return [['service', { grep: 'Amqp|Http', invert: true }]];
    case 'listed':
      return [['mqtt', noMqttWs], ['mqtt-ws', { grep: 'MqttWs', invert: false }]];
    default:
      return [['mqtt', noMqttWs], ['mqtt-ws', { grep: 'Amqp|Http', invert: true, transport: 'ws' }]];
  }
}

const chosen = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(files);
fs.mkdirSync(results, { recursive: true });
const rows = [];
for (const file of chosen) {
  if (!files[file]) {
    console.error(`unknown file ${file}; known: ${Object.keys(files).join(' ')}`);
    process.exit(2);
  }
  for (const [transport, options] of runs(files[file])) {
    const report = path.join(results, `${file}-${transport}.json`);
    fs.rmSync(report, { force: true });
    const args = [mocha, '--exit', '--require', path.join(__dirname, 'preload.js'), '--reporter', 'json',
      '--reporter-option', 'output=' + report, '--grep', options.grep];
    if (options.invert) {
      args.push('--invert');
    }
    args.push(path.join(tests, file + '.js'));
    const env = Object.assign({}, process.env, { E2E_TRANSPORT: options.transport || 'tcp' });
    const started = Date.now();
    spawnSync(process.execPath, args, { cwd: tests, env, stdio: ['ignore', 'ignore', 'inherit'], timeout: 30 * 60 * 1000 });
    const seconds = Math.round((Date.now() - started) / 1000);
    const row = { file, transport, passed: 0, failed: 0, pending: 0, seconds, failures: [] };
    try {
      const json = JSON.parse(fs.readFileSync(report, 'utf8'));
      Object.assign(row, { passed: json.stats.passes, failed: json.stats.failures, pending: json.stats.pending });
      row.failures = json.failures.map((f) => `${f.fullTitle}: ${String(f.err.message || '').split('\n')[0].slice(0, 240)}`);
    }
    catch (e) {
      row.failed = 1;
      row.failures = ['no mocha report: ' + e.message];
    }
    rows.push(row);
    const note = row.passed + row.failed + row.pending === 0 ? '   (no test for this transport in the file)' : '';
    console.log(`${file} ${transport}: ${row.passed} passed, ${row.failed} failed, ${row.pending} pending (${seconds} s)${note}`);
    for (const failure of row.failures) {
      console.log('   - ' + failure);
    }
  }
}
fs.writeFileSync(path.join(results, 'summary.json'), JSON.stringify(rows, null, 1) + '\n');
const sum = (key) => rows.reduce((total, row) => total + row[key], 0);
console.log(`total: ${sum('passed')} passed, ${sum('failed')} failed, ${sum('pending')} pending`);
