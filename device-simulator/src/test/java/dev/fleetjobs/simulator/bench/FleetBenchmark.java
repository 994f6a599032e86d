package dev.fleetjobs.simulator.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import com.microsoft.azure.sdk.iot.service.query.QueryClient;
import com.microsoft.azure.sdk.iot.service.query.RawQueryResponse;

import dev.fleetjobs.simulator.device.FaultPlan;
import dev.fleetjobs.simulator.engine.DeviceEngine;
import dev.fleetjobs.simulator.engine.EngineProperties;
import dev.fleetjobs.simulator.engine.EngineProperties.Kind;
import dev.fleetjobs.simulator.engine.EngineProperties.Transport;
import dev.fleetjobs.simulator.engine.FleetEvents;
import dev.fleetjobs.simulator.fleet.FleetLayout;
import dev.fleetjobs.simulator.fleet.FleetProperties;
import dev.fleetjobs.simulator.fleet.Shard;
import dev.fleetjobs.simulator.hub.DeviceCredentials;
import dev.fleetjobs.simulator.hub.HubConnection;
import dev.fleetjobs.simulator.hub.HubProperties;
import dev.fleetjobs.simulator.provisioning.Provisioning;
import dev.fleetjobs.simulator.run.SimulatedFleet;

/**
 * One benchmark run in its own JVM, against a running emulator: provisions N devices,
 * connects them with one engine (or the plain HiveMQ baseline), and prints devices
 * connected, connect rate, and RSS, live heap and threads per device; optionally then
 * runs a lockDoor job over the fleet and times it. Run by {@code bench/run.sh}.
 * <p>
 * Arguments: {@code engine(light|sdk|baseline) transport(mqtt|mqtt-ws) count host
 * httpsPort mqttPort caPem ownerKey prefix concurrency [job]}.
 */
public final class FleetBenchmark {

	private FleetBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String engine = args[0];
		Transport transport = "mqtt".equals(args[1]) ? Transport.MQTT : Transport.MQTT_WS;
		int count = Integer.parseInt(args[2]);
		String host = args[3];
		String ownerKey = args[7];
		String prefix = args[8];
		int concurrency = Integer.parseInt(args[9]);
		boolean job = args.length > 10 && "job".equals(args[10]);
		HubConnection hub = new HubConnection(new HubProperties(
				"HostName=" + host + ";SharedAccessKeyName=iothubowner;SharedAccessKey=" + ownerKey,
				Integer.parseInt(args[4]), Integer.parseInt(args[5]), Path.of(args[6]), null, Duration.ofHours(3)));
		FleetLayout layout = new FleetLayout(new FleetProperties(count, prefix + "-{building}-{floor}-{index}", 50, 10,
				Map.of("kind", "door-lock", "fleet", prefix), "0/1"));

		Map<String, Object> result = new LinkedHashMap<>();
		result.put("engine", engine);
		result.put("transport", args[1]);
		result.put("devices", count);
		long started = System.nanoTime();
		List<DeviceCredentials> credentials = Provisioning.of(hub).provision(layout.devices(Shard.ALL)).credentials();
		result.put("provisionSeconds", seconds(started));

		ProcessStats before = ProcessStats.now();
		started = System.nanoTime();
		int connected;
		SimulatedFleet fleet = null;
		BaselineLoadGenerator baseline = null;
		if ("baseline".equals(engine)) {
			baseline = new BaselineLoadGenerator(hub, transport == Transport.MQTT_WS,
					Runtime.getRuntime().availableProcessors());
			connected = baseline.connectAll(credentials, concurrency);
		}
		else {
			EngineProperties properties = new EngineProperties("sdk".equals(engine) ? Kind.SDK : Kind.LIGHT, transport,
					concurrency, 0, Duration.ofSeconds(230), Duration.ofSeconds(10), Duration.ofSeconds(60), true);
			DeviceEngine deviceEngine = SimulatedFleet.engine(hub, properties, FleetEvents.NONE);
			fleet = SimulatedFleet.prepare(layout, Shard.ALL, FaultPlan.none(), hub, deviceEngine);
			connected = fleet.engine().connectAll(fleet.online());
		}
		double connectSeconds = seconds(started);
		ProcessStats.sleep(5_000);
		ProcessStats after = ProcessStats.now();
		result.put("connected", connected);
		result.put("connectSeconds", connectSeconds);
		result.put("connectsPerSecond", Math.round(connected / connectSeconds));
		result.put("rssBeforeMb", before.rssBytes() / 1_048_576);
		result.put("rssAfterMb", after.rssBytes() / 1_048_576);
		result.put("rssKbPerDevice", round((after.rssBytes() - before.rssBytes()) / 1024.0 / count));
		result.put("liveHeapKbPerDevice", round((after.liveHeapBytes() - before.liveHeapBytes()) / 1024.0 / count));
		result.put("threadsPerDevice", round((after.threads() - before.threads()) / (double) count));
		result.put("threads", after.threads());
		if (job && fleet != null) {
			// the first job also warms the emulator's job engine up; both are reported
			runJob(hub, prefix, count, result);
			result.put("firstJobSeconds", result.get("jobSeconds"));
			runJob(hub, prefix, count, result);
		}
		System.out.println("RESULT " + json(result));
		if (fleet != null) {
			fleet.close();
		}
		if (baseline != null) {
			baseline.close();
		}
		System.exit(0);
	}

	private static void runJob(HubConnection hub, String prefix, int count, Map<String, Object> result)
			throws Exception {
		AzureSasCredential credential = new AzureSasCredential(hub.serviceSasToken());
		ScheduledJobsClient jobs = new ScheduledJobsClient(hub.serviceHost(), credential);
		String jobId = "bench-lock-" + System.currentTimeMillis();
		long started = System.nanoTime();
		jobs.scheduleDirectMethod(jobId, "tags.fleet = '" + prefix + "'", "lockDoor", new Date(),
				DirectMethodsJobOptions.builder()
					.payload(Map.of("lockTime", "10m"))
					.methodResponseTimeoutSeconds(30)
					.methodConnectTimeoutSeconds(0)
					.maxExecutionTimeSeconds(600)
					.build());
		ScheduledJob state = jobs.get(jobId);
		while (!isTerminal(state.getJobStatus())) {
			Thread.sleep(100);
			state = jobs.get(jobId);
		}
		result.put("jobSeconds", seconds(started));
		result.put("jobStatus", state.getJobStatus().toString());
		result.put("jobDevices", state.getJobStatistics().getDeviceCount());
		result.put("jobSucceeded", state.getJobStatistics().getSucceededCount());
		result.put("jobFailed", state.getJobStatistics().getFailedCount());
		QueryClient query = new QueryClient(hub.serviceHost(), credential);
		RawQueryResponse locked = query.queryRaw("SELECT COUNT() AS locked FROM devices WHERE tags.fleet = '" + prefix
				+ "' AND properties.reported.doorState = 'locked'");
		result.put("reportLocked", locked.hasNext() ? locked.next() : "none");
		result.put("jobExpectedDevices", count);
	}

	private static boolean isTerminal(ScheduledJobStatus status) {
		return status == ScheduledJobStatus.completed || status == ScheduledJobStatus.failed
				|| status == ScheduledJobStatus.cancelled;
	}

	private static double seconds(long startedNanos) {
		return round((System.nanoTime() - startedNanos) / 1e9);
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private static String json(Map<String, Object> values) {
		StringBuilder json = new StringBuilder("{");
		values.forEach((key, value) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('"').append(key).append("\":");
			json.append((value instanceof Number || value instanceof Boolean) ? value.toString()
					: "\"" + String.valueOf(value).replace("\"", "'") + "\"");
		});
		return json.append('}').toString();
	}

}
