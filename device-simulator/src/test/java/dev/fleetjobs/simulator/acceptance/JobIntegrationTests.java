package dev.fleetjobs.simulator.acceptance;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.fleetjobs.simulator.device.FaultProperties;
import dev.fleetjobs.simulator.support.Fleets;
import dev.fleetjobs.simulator.support.Jobs;
import dev.fleetjobs.simulator.support.TestHub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed tutorial's two jobs at fleet scale, through the official ScheduledJobsClient,
 * on 200 simulated devices per engine: a lockDoor method job and a desired-properties
 * twin job, with exact statistics and every device's resulting twin checked.
 */
class JobIntegrationTests {

	private static final int DEVICES = 200;

	@RegisterExtension
	static final VariantFleets fleets = new VariantFleets((variant) -> Fleets
		.start(Fleets.profile(variant.prefix("job"), DEVICES, 10, 5), FaultProperties.none(), variant.properties()));

	private final TestHub hub = TestHub.get();

	/**
	 * The variant's fleet (its tag and id prefix), once all its devices are connected.
	 */
	private static String connectedFleet(EngineVariant variant) {
		assertThat(fleets.get(variant).engine().connectedCount()).isEqualTo(DEVICES);
		return variant.prefix("job");
	}

	@ParameterizedTest
	@EnumSource(names = { "SDK_MQTT_WS", "LIGHT_MQTT" })
	void lockDoorJobCompletesOnEveryDeviceAndEveryDoorReportsLocked(EngineVariant variant) throws Exception {
		// Given 200 connected door locks
		String fleet = connectedFleet(variant);
		String jobId = "lock-" + UUID.randomUUID();
		Instant before = Instant.now();

		// When the tutorial's job runs on all of them
		this.hub.jobs()
			.scheduleDirectMethod(jobId, "tags.fleet = '" + fleet + "'", "lockDoor", new Date(),
					DirectMethodsJobOptions.builder()
						.payload(Map.of("lockTime", "10m"))
						.methodResponseTimeoutSeconds(10)
						.methodConnectTimeoutSeconds(0)
						.maxExecutionTimeSeconds(60)
						.build());
		ScheduledJob job = Jobs.awaitFinished(jobId, Duration.ofSeconds(90));

		// Then
		assertThat(job.getJobStatus()).isEqualTo(ScheduledJobStatus.completed);
		assertThat(job.getJobStatistics().getDeviceCount()).isEqualTo(DEVICES);
		assertThat(job.getJobStatistics().getSucceededCount()).isEqualTo(DEVICES);
		assertThat(job.getJobStatistics().getFailedCount()).isZero();
		assertThat(job.getJobStatistics().getRunningCount()).isZero();
		assertThat(job.getJobStatistics().getPendingCount()).isZero();
		Map<String, ScheduledJob> records = Jobs.deviceRecords(jobId);
		assertThat(records).hasSize(DEVICES);
		assertThat(records.values()).allSatisfy((record) -> {
			assertThat(record.getJobStatus()).isEqualTo(ScheduledJobStatus.completed);
			assertThat(record.getOutcomeResult().getStatus()).isEqualTo(200);
			assertThat(record.getOutcomeResult().getPayloadAsJsonString())
				.isEqualTo("{\"Response\":\"lockDoor called successfully\"}");
		});
		Map<String, Twin> twins = Jobs.twins("SELECT * FROM devices WHERE tags.fleet = '" + fleet + "'");
		assertThat(twins).hasSize(DEVICES).containsOnlyKeys(records.keySet());
		assertThat(twins.values()).allSatisfy((twin) -> {
			assertThat(twin.getReportedProperties()).containsEntry("doorState", "locked");
			assertThat(Instant.parse((String) twin.getReportedProperties().get("lockedUntil")))
				.isAfter(before.plus(Duration.ofMinutes(10)).minusSeconds(1));
		});
	}

	@ParameterizedTest
	@EnumSource(names = { "SDK_MQTT_WS", "LIGHT_MQTT" })
	void twinJobDesiredValuesAppearAsReportedValuesOnEveryDevice(EngineVariant variant) throws Exception {
		// Given
		String fleet = connectedFleet(variant);
		String jobId = "twin-" + UUID.randomUUID();
		Twin update = new Twin();
		update.getDesiredProperties().put("maintenanceWindow", "02:00-04:00");
		update.getDesiredProperties().put("firmware", Map.of("version", "3.1.4", "channel", "stable"));

		// When the tutorial's twin job runs on the fleet
		this.hub.jobs()
			.scheduleUpdateTwin(jobId, "tags.fleet = '" + fleet + "' AND tags.kind = 'door-lock'", update, new Date(),
					60);
		ScheduledJob job = Jobs.awaitFinished(jobId, Duration.ofSeconds(90));

		// Then every device applied the values and acknowledged its desired version
		assertThat(job.getJobStatus()).isEqualTo(ScheduledJobStatus.completed);
		assertThat(job.getJobStatistics().getDeviceCount()).isEqualTo(DEVICES);
		assertThat(job.getJobStatistics().getSucceededCount()).isEqualTo(DEVICES);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Map<String, Twin> twins = Jobs.twins("SELECT * FROM devices WHERE tags.fleet = '" + fleet + "'");
			assertThat(twins).hasSize(DEVICES);
			assertThat(twins.values()).allSatisfy((twin) -> {
				Map<String, Object> reported = twin.getReportedProperties();
				assertThat(reported).containsEntry("maintenanceWindow", "02:00-04:00");
				assertThat(reported.get("firmware")).isInstanceOf(Map.class);
				@SuppressWarnings("unchecked")
				Map<String, Object> firmware = (Map<String, Object>) reported.get("firmware");
				assertThat(firmware).containsEntry("version", "3.1.4").containsEntry("channel", "stable");
				assertThat(((Number) reported.get("desiredVersion")).intValue())
					.isEqualTo(twin.getDesiredProperties().getVersion());
			});
		});
	}

}
