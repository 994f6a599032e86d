package dev.fleetjobs.e2e.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.azure.sdk.iot.service.twin.Twin;
import com.microsoft.azure.sdk.iot.service.twin.TwinClient;
import com.azure.core.credential.AzureSasCredential;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.e2e.support.E2eStack;
import dev.fleetjobs.launcher.demo.DemoJobs;
import dev.fleetjobs.launcher.stack.EmulatorAdmin;
import dev.fleetjobs.e2e.support.SharedStackSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole flow as users see it, with every component as its own process: a REST request
 * becomes an IoT Hub job on simulated devices, and its progress and every device's result
 * come out on Kafka.
 */
class EndToEndIT extends SharedStackSupport {

	private static final String RUN = "e2e-" + Instant.now().toEpochMilli();

	@Test
	void givenThreeHundredTaggedDoorLocks_whenLockDoorIsRequestedOverRest_thenProgressReachesCompletedWithExactStatisticsAndEveryDeviceHasAResult() {
		String jobId = jobs.submit(DemoJobs.lockDoor(RUN + "-lock-all", Map.of("kind", "door-lock")));

		JobProgress last = jobs.awaitFinal(jobId, Duration.ofSeconds(90));

		assertThat(last.status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(last.statistics().deviceCount()).isEqualTo(E2eStack.DEVICES);
		assertThat(last.statistics().succeededCount()).isEqualTo(E2eStack.DEVICES);
		assertThat(last.statistics().failedCount()).isZero();
		assertThat(last.deviceResultCount()).isEqualTo(E2eStack.DEVICES);
		List<JobProgress> events = jobs.progress(jobId);
		assertThat(events).extracting(JobProgress::sequence).doesNotHaveDuplicates();
		assertThat(events).extracting((event) -> event.statistics().succeededCount()).isSorted();
		assertThat(events.stream().filter((event) -> event.status().isTerminal()).map(JobProgress::status))
			.containsOnly(JobStatus.COMPLETED);
		List<DeviceResult> results = jobs.results(jobId);
		assertThat(results).hasSize(E2eStack.DEVICES);
		assertThat(results).extracting(DeviceResult::deviceId).doesNotHaveDuplicates();
		assertThat(results).allSatisfy((result) -> {
			assertThat(result.status()).isEqualTo(DeviceJobStatus.COMPLETED);
			assertThat(result.methodStatus()).isEqualTo(200);
			assertThat(String.valueOf(result.methodPayload())).contains("lockDoor called successfully");
		});
		assertThat(jobs.lifecycle(jobId)).contains("JobSubmitted").doesNotContain("JobRejected");
	}

	@Test
	void givenTheTutorialsTwinUpdate_whenItRunsOnFloor3OfBuilding2_thenEveryDoorThereReportsTheNewDesiredValues()
			throws Exception {
		Map<String, Object> floor = Map.of("building", 2, "floor", 3);
		String jobId = jobs.submit(DemoJobs.twinUpdate(RUN + "-twin", floor));

		JobProgress last = jobs.awaitFinal(jobId, Duration.ofSeconds(90));

		int perFloor = E2eStack.DEVICES / (E2eStack.BUILDINGS * E2eStack.FLOORS);
		assertThat(last.status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(last.statistics().succeededCount()).isEqualTo(perFloor);
		List<DeviceResult> results = jobs.results(jobId);
		assertThat(results).hasSize(perFloor).allMatch((result) -> result.status() == DeviceJobStatus.COMPLETED);
		TwinClient twins = new TwinClient(stack.settings().emulatorHttps(),
				new AzureSasCredential(new EmulatorAdmin(stack.settings()).ownerSasToken()));
		Set<String> reported = new HashSet<>();
		await("devices report the desired values").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (DeviceResult result : results) {
				Twin twin = twins.get(result.deviceId());
				assertThat(number(twin.getTags().get("building"))).isEqualTo(2);
				assertThat(number(twin.getReportedProperties().get("building")))
					.as("reported building of %s", result.deviceId())
					.isEqualTo(43);
				assertThat(number(twin.getReportedProperties().get("floor"))).isEqualTo(3);
				reported.add(result.deviceId());
			}
		});
		assertThat(reported).hasSize(perFloor);
	}

	@Test
	void givenAJobScheduledAnHourAhead_whenTheOperatorCancelsIt_thenItEndsCancelledWithoutTouchingAnyDevice() {
		Map<String, Object> request = new java.util.HashMap<>(
				DemoJobs.lockDoor(RUN + "-cancel", Map.of("building", 5, "floor", 1)));
		request.put("startTime", Instant.now().plusSeconds(3600).toString());
		String jobId = jobs.submit(request);
		await("hub job scheduled").atMost(Duration.ofSeconds(60))
			.until(() -> jobs.latest(jobId).map((p) -> p.status() == JobStatus.SCHEDULED).orElse(false));

		jobs.api().cancel(jobId);

		JobProgress last = jobs.awaitFinal(jobId, Duration.ofSeconds(60));
		assertThat(last.status()).isEqualTo(JobStatus.CANCELLED);
		assertThat(last.statistics().succeededCount()).isZero();
		await().atMost(Duration.ofSeconds(10)).until(() -> jobs.lifecycle(jobId).contains("JobCancelled"));
	}

	private static Integer number(Object value) {
		return (value instanceof Number number) ? number.intValue() : null;
	}

}
