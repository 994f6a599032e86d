package dev.fleetjobs.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.contracts.rollout.DevicesJoined;
import dev.fleetjobs.contracts.rollout.FailureType;
import dev.fleetjobs.contracts.rollout.RetryScheduled;
import dev.fleetjobs.contracts.rollout.Rollout;
import dev.fleetjobs.contracts.rollout.RolloutAccepted;
import dev.fleetjobs.contracts.rollout.RolloutEnded;
import dev.fleetjobs.contracts.rollout.RolloutHeaders;
import dev.fleetjobs.contracts.rollout.RolloutOutcome;
import dev.fleetjobs.contracts.rollout.RolloutPhase;
import dev.fleetjobs.contracts.rollout.RolloutTotals;
import dev.fleetjobs.contracts.rollout.TargetSelection;
import dev.fleetjobs.contracts.rollout.WaveCompleted;
import dev.fleetjobs.contracts.rollout.WaveProgress;
import dev.fleetjobs.contracts.rollout.WaveStarted;
import dev.fleetjobs.status.testsupport.Api;
import dev.fleetjobs.status.testsupport.ExecutorEvents;
import dev.fleetjobs.status.testsupport.Fleet;
import dev.fleetjobs.status.testsupport.StatusIntegrationTest;
import dev.fleetjobs.status.testsupport.TestCredentials;
import dev.fleetjobs.status.testsupport.TestHub;
import dev.fleetjobs.status.testsupport.TopicRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rollout of two waves on the emulator's official device clients, as the executor
 * drives it: the first wave reaches 40 devices, the second retries the 4 that failed. The
 * status service polls each wave's hub job, publishes its device results as the rollout's
 * (wave, attempt, the rollout header) with the progress marking them, and the final event
 * when the rollout ends; the read API shows each device's latest attempt.
 */
@StatusIntegrationTest
class RolloutIntegrationTests {

	private static final Instant NOW = Instant.now();

	@Autowired
	private TopicRecorder topics;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void givenTwoWavesWithARetry_whenTracked_thenResultsPerWaveAndAttemptThenOneFinalEvent() {
		TestHub hub = TestHub.get();
		List<String> devices = hub.fleet().ids().subList(0, 40);
		List<String> failing = IntStream.range(0, 40)
			.filter((index) -> Fleet.role(index) != Fleet.Role.HEALTHY)
			.mapToObj(devices::get)
			.toList();
		String jobId = "rollout-" + UUID.randomUUID();
		String wave1 = jobId + "-w1";
		String wave2 = jobId + "-w2";

		this.topics.publish(jobId,
				new RolloutAccepted(jobId, "req-rollout", JobType.DEVICE_METHOD, "tags.building = '43'",
						new Rollout(600, null, 2, null, null, TargetSelection.SNAPSHOT, null, null, null), NOW,
						ExecutorEvents.LABELS, NOW));
		this.topics.publish(jobId, new DevicesJoined(jobId, TargetSelection.SNAPSHOT, 40, devices.subList(0, 20),
				new RolloutTotals(40, 0, 0, 0, 0, 0, 0, 40), NOW));
		hub.lockDoor(wave1, devices, Duration.ZERO);
		this.topics.publish(jobId, new WaveStarted(jobId, 1, 1, wave1, JobType.DEVICE_METHOD, 40, 600, "queued", NOW,
				new RolloutTotals(40, 0, 0, 0, 0, 40, 0, 0), NOW));

		JobProgress afterWave1 = this.topics.awaitProgress(jobId, (progress) -> wave(progress, 1).resultsComplete(),
				Duration.ofSeconds(60));
		assertThat(afterWave1.status()).isEqualTo(JobStatus.RUNNING);
		assertThat(afterWave1.deviceResultCount()).isEqualTo(40);
		assertThat(afterWave1.statistics()).isEqualTo(new DeviceJobStatistics(40, 4, 36, 0, 0));
		assertThat(this.topics.results(jobId)).hasSize(40).allSatisfy((result) -> {
			assertThat(result.hubJobId()).isEqualTo(wave1);
			assertThat(result.wave()).isEqualTo(1);
			assertThat(result.attempt()).isEqualTo(1);
		});

		this.topics.publish(jobId, new WaveCompleted(jobId, 1, 1, wave1, 40, 36, 2, 2, 0,
				new RolloutTotals(40, 36, 0, 0, 0, 0, 4, 0), NOW));
		this.topics.publish(jobId, new RetryScheduled(jobId, 2, FailureType.ALL, 4, 1, NOW,
				new RolloutTotals(40, 36, 0, 0, 0, 0, 4, 0), NOW));
		hub.lockDoor(wave2, failing, Duration.ZERO);
		this.topics.publish(jobId, new WaveStarted(jobId, 2, 2, wave2, JobType.DEVICE_METHOD, 4, 600, "queued", NOW,
				new RolloutTotals(40, 36, 0, 0, 0, 4, 0, 0), NOW));
		this.topics.awaitProgress(jobId, (progress) -> wave(progress, 2).resultsComplete(), Duration.ofSeconds(60));
		this.topics.publish(jobId,
				new WaveCompleted(jobId, 2, 2, wave2, 4, 0, 2, 2, 0, new RolloutTotals(40, 36, 2, 2, 0, 0, 0, 0), NOW));
		this.topics.publish(jobId, new RolloutEnded(jobId, RolloutOutcome.COMPLETED, null, 2,
				new RolloutTotals(40, 36, 2, 2, 0, 0, 0, 0), Instant.now()));

		JobProgress done = this.topics.awaitFinal(jobId, Duration.ofSeconds(30));
		assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(done.deviceResultCount()).isEqualTo(44);
		assertThat(done.statistics()).isEqualTo(new DeviceJobStatistics(40, 4, 36, 0, 0));
		assertThat(done.rollout().phase()).isEqualTo(RolloutPhase.ENDED);
		assertThat(done.rollout().waves())
			.extracting(WaveProgress::wave, WaveProgress::deviceResultCount, WaveProgress::completed)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 40, true),
					org.assertj.core.groups.Tuple.tuple(2, 4, true));
		List<JobProgress> progress = this.topics.progress(jobId);
		assertThat(progress).extracting(JobProgress::sequence)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, progress.size()).mapToObj(Long::valueOf).toList());
		assertThat(progress.get(0).status()).isEqualTo(JobStatus.SCHEDULED);
		assertThat(progress).allSatisfy((event) -> assertThat(event.labels()).isEqualTo(ExecutorEvents.LABELS));

		List<DeviceResult> retried = this.topics.results(jobId).stream().filter((r) -> r.attempt() == 2).toList();
		assertThat(retried).extracting(DeviceResult::deviceId).containsExactlyInAnyOrderElementsOf(failing);
		assertThat(retried).allSatisfy((result) -> {
			assertThat(result.hubJobId()).isEqualTo(wave2);
			assertThat(result.status()).isEqualTo(DeviceJobStatus.FAILED);
		});
		assertThat(this.topics.of(Topics.DEVICE_RESULTS, jobId)).allSatisfy(RolloutIntegrationTests::markedRollout);
		assertThat(this.topics.of(Topics.PROGRESS, jobId)).allSatisfy(RolloutIntegrationTests::markedRollout);

		Api api = new Api(this.port);
		JsonNode view = api.get("/api/jobs/" + jobId + "/devices?size=100", Api.apiKey(TestCredentials.READER_KEY))
			.json();
		assertThat(view.path("totalItems").asInt()).as("one result per device: its latest attempt").isEqualTo(40);
		assertThat(view.path("items")
			.valueStream()
			.filter((item) -> failing.contains(item.path("deviceId").asString()))
			.map((item) -> item.path("attempt").asInt())
			.toList()).containsOnly(2);
		assertThat(new Api(this.managementPort).get("/actuator/prometheus").raw().body())
			.contains("fleetjobs_status_rollout_waves_tracked ")
			.contains("fleetjobs_status_publish_lag_seconds_bucket{event=\"wave\"");
	}

	private static WaveProgress wave(JobProgress progress, int number) {
		return progress.rollout()
			.waves()
			.stream()
			.filter((wave) -> wave.wave() == number)
			.findFirst()
			.orElse(new WaveProgress(number, 1, "none", JobStatus.SCHEDULED, DeviceJobStatistics.EMPTY, false, 0, null,
					null));
	}

	private static void markedRollout(ConsumerRecord<String, byte[]> record) {
		Header header = record.headers().lastHeader(RolloutHeaders.ROLLOUT);
		assertThat(header).as("the rollout header of " + record.topic()).isNotNull();
		assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo("true");
	}

}
