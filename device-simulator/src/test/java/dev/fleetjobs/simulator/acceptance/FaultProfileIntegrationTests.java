package dev.fleetjobs.simulator.acceptance;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.fleetjobs.simulator.device.DeviceFaults;
import dev.fleetjobs.simulator.device.FaultPlan;
import dev.fleetjobs.simulator.device.FaultProperties;
import dev.fleetjobs.simulator.device.FaultProperties.Churn;
import dev.fleetjobs.simulator.device.FaultProperties.Latency;
import dev.fleetjobs.simulator.device.FaultProperties.MethodFailures;
import dev.fleetjobs.simulator.device.MethodExpectation;
import dev.fleetjobs.simulator.device.MethodExpectation.Outcome;
import dev.fleetjobs.simulator.engine.DeviceHandle;
import dev.fleetjobs.simulator.run.SimulatedFleet;
import dev.fleetjobs.simulator.support.Fleets;
import dev.fleetjobs.simulator.support.Jobs;
import dev.fleetjobs.simulator.support.TestHub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fault profile (offline devices, devices that answer 500, a latency distribution,
 * churn) yields exactly the failures its {@link FaultPlan} predicts, in a method job and
 * in a twin job, on both engines, read back through ScheduledJobsClient and QueryClient
 * on {@code devices.jobs}.
 */
class FaultProfileIntegrationTests {

	private static final int DEVICES = 100;

	private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);

	private static final FaultProperties PROFILE = new FaultProperties(2026, 0.1,
			new MethodFailures(0.1, List.of("lockDoor", "unlockDoor")),
			Latency.normal(Duration.ofMillis(300), Duration.ofMillis(200), Duration.ofMillis(1500)),
			new Churn(0.1, Duration.ofSeconds(4), Duration.ofSeconds(1)));

	private static final FaultPlan PLAN = new FaultPlan(PROFILE);

	@RegisterExtension
	static final VariantFleets fleets = new VariantFleets((variant) -> Fleets
		.start(Fleets.profile(variant.prefix("faults"), DEVICES, 5, 4), PROFILE, variant.properties()));

	private final TestHub hub = TestHub.get();

	@ParameterizedTest
	@EnumSource(names = { "SDK_MQTT_WS", "LIGHT_MQTT" })
	void aLockDoorJobFailsExactlyWhereThePlanSays(EngineVariant variant) throws Exception {
		// Given a fleet whose plan holds every kind of fault
		SimulatedFleet fleet = fleets.get(variant);
		Map<String, DeviceFaults> faults = faultsOf(fleet);
		assertThat(faults.values()).anyMatch(DeviceFaults::offline)
			.anyMatch((f) -> f.failsMethod("lockDoor"))
			.anyMatch((f) -> f.churn() != null)
			.anyMatch((f) -> f.latency().toMillis() > 400);
		String jobId = "faults-" + UUID.randomUUID();

		// When
		this.hub.jobs()
			.scheduleDirectMethod(jobId, "tags.fleet = '" + variant.prefix("faults") + "'", "lockDoor", new Date(),
					DirectMethodsJobOptions.builder()
						.payload(Map.of("lockTime", "15m"))
						.methodResponseTimeoutSeconds((int) RESPONSE_TIMEOUT.toSeconds())
						.methodConnectTimeoutSeconds(5)
						.maxExecutionTimeSeconds(60)
						.build());
		ScheduledJob job = Jobs.awaitFinished(jobId, Duration.ofSeconds(90));

		// Then every device ends as predicted
		Map<String, ScheduledJob> records = Jobs.deviceRecords(jobId);
		assertThat(records).hasSize(DEVICES).containsOnlyKeys(faults.keySet());
		int succeeded = 0;
		for (ScheduledJob record : records.values()) {
			MethodExpectation expected = PLAN.expectMethod(record.getDeviceId(), "lockDoor", "{\"lockTime\":\"15m\"}",
					RESPONSE_TIMEOUT);
			if (expected.certain()) {
				assertEnded(record, expected);
			}
			else {
				// a churning device: the predicted answer, or lost while it dropped its
				// connection
				boolean lost = record.getError() != null && record.getError().contains("504101");
				if (!lost) {
					assertEnded(record, expected);
				}
			}
			succeeded += (record.getJobStatus() == ScheduledJobStatus.completed) ? 1 : 0;
		}
		assertThat(job.getJobStatus()).isEqualTo(ScheduledJobStatus.completed);
		assertThat(job.getJobStatistics().getDeviceCount()).isEqualTo(DEVICES);
		assertThat(job.getJobStatistics().getSucceededCount()).isEqualTo(succeeded);
		assertThat(job.getJobStatistics().getFailedCount()).isEqualTo(DEVICES - succeeded);
		assertThat(succeeded).isGreaterThanOrEqualTo((int) faults.values()
			.stream()
			.filter((f) -> !f.offline() && !f.failsMethod("lockDoor") && f.churn() == null)
			.count());
		// and the twins show it once the devices' reports (asynchronous, after a connect
		// or
		// a call) are in
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertDoorStates(variant, faults));
	}

	private static void assertDoorStates(EngineVariant variant, Map<String, DeviceFaults> faults) throws Exception {
		Map<String, Twin> twins = Jobs
			.twins("SELECT * FROM devices WHERE tags.fleet = '" + variant.prefix("faults") + "'");
		for (Twin twin : twins.values()) {
			DeviceFaults deviceFaults = faults.get(twin.getDeviceId());
			Object doorState = twin.getReportedProperties().get("doorState");
			if (deviceFaults.offline()) {
				assertThat(doorState).as(twin.getDeviceId()).isNull();
			}
			else if (deviceFaults.failsMethod("lockDoor")) {
				assertThat(doorState).as(twin.getDeviceId()).isEqualTo("unlocked");
			}
			else if (deviceFaults.churn() == null) {
				assertThat(doorState).as(twin.getDeviceId()).isEqualTo("locked");
			}
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "SDK_MQTT_WS", "LIGHT_MQTT" })
	void aTwinJobReachesEveryDeviceAndAllButTheOfflineOnesReportIt(EngineVariant variant) throws Exception {
		// Given
		SimulatedFleet fleet = fleets.get(variant);
		String zone = "east-" + UUID.randomUUID().toString().substring(0, 8);
		String jobId = "faults-twin-" + UUID.randomUUID();
		Twin update = new Twin();
		update.getDesiredProperties().put("zone", zone);

		// When
		this.hub.jobs()
			.scheduleUpdateTwin(jobId, "tags.fleet = '" + variant.prefix("faults") + "'", update, new Date(), 60);
		ScheduledJob job = Jobs.awaitFinished(jobId, Duration.ofSeconds(60));

		// Then the hub updated every twin, and every device that ever connects reports it
		assertThat(job.getJobStatistics().getDeviceCount()).isEqualTo(DEVICES);
		assertThat(job.getJobStatistics().getSucceededCount()).isEqualTo(DEVICES);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Map<String, Twin> twins = Jobs
				.twins("SELECT * FROM devices WHERE tags.fleet = '" + variant.prefix("faults") + "'");
			assertThat(twins).hasSize(DEVICES);
			for (DeviceHandle device : fleet.devices()) {
				Map<String, Object> reported = twins.get(device.deviceId()).getReportedProperties();
				if (PLAN.reportsDesired(device.deviceId())) {
					assertThat(reported).as(device.deviceId()).containsEntry("zone", zone);
				}
				else {
					assertThat(reported).as(device.deviceId()).doesNotContainKey("zone");
				}
			}
		});
	}

	private static void assertEnded(ScheduledJob record, MethodExpectation expected) {
		String device = record.getDeviceId();
		if (expected.outcome() == Outcome.ANSWERED) {
			assertThat(record.getOutcomeResult().getStatus()).as(device).isEqualTo(expected.status());
		}
		else {
			assertThat(record.getError()).as(device).contains(Integer.toString(expected.errorCode()));
		}
		assertThat(record.getJobStatus()).as(device)
			.isEqualTo(expected.succeeds() ? ScheduledJobStatus.completed : ScheduledJobStatus.failed);
	}

	private static Map<String, DeviceFaults> faultsOf(SimulatedFleet fleet) {
		Map<String, DeviceFaults> faults = new java.util.HashMap<>();
		fleet.devices().forEach((device) -> faults.put(device.deviceId(), device.lock().faults()));
		return faults;
	}

}
