package dev.fleetjobs.executor.queueing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.microsoft.azure.sdk.iot.service.exceptions.IotHubNotFoundException;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import dev.fleetjobs.contracts.lifecycle.JobCancelled;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.contracts.request.MethodInvocation;
import dev.fleetjobs.emulator.throttling.TierProfile;
import dev.fleetjobs.executor.testsupport.Commands;
import dev.fleetjobs.executor.testsupport.ExecutorIntegrationTest;
import dev.fleetjobs.executor.testsupport.KafkaTopics;
import dev.fleetjobs.executor.testsupport.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The emulator on the S1 tier (one job at a time, 429 for the next): jobs wait in the
 * executor's queue, go to the hub one after another, each exactly once, and a cancel
 * takes a waiting job out without the hub and cancels a running one on the hub.
 */
@ExecutorIntegrationTest
class ConcurrentJobLimitIntegrationTests {

	@Autowired
	private KafkaTopics kafka;

	@Autowired
	private WaitingRoom room;

	@BeforeEach
	void s1Tier() {
		await().atMost(Duration.ofSeconds(30)).until(() -> TestHub.hub().jobs().activeCount() == 0);
		TestHub.hub().tier(TierProfile.parse("S1"));
	}

	@AfterEach
	void unlimited() {
		TestHub.reset();
	}

	@Test
	void givenTheS1TierWhenThreeJobsComeAtOnceThenTheyRunOneAfterAnotherEachSubmittedOnce() {
		// Given three twin jobs for one device, to start in 3 s (each holds the S1 tier's
		// one slot at least until then)
		String device = TestHub.device("s1-" + UUID.randomUUID());
		List<String> jobIds = IntStream.range(0, 3).mapToObj((i) -> UUID.randomUUID().toString()).toList();
		Instant start = Instant.now().plusSeconds(3);

		// When they are sent at once
		jobIds.forEach(
				(jobId) -> this.kafka.send(jobId, Commands.startingAt(Commands.buildingFloor(jobId, device), start)));

		// Then each is submitted exactly once (committed events), the ones the hub
		// refused having waited in the queue first
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jobIds.stream().allMatch((jobId) -> !this.kafka.events(jobId, JobSubmitted.class).isEmpty()));
		jobIds.forEach((jobId) -> assertThat(this.kafka.events(jobId, JobSubmitted.class)).hasSize(1));
		List<String> queued = jobIds.stream()
			.filter((jobId) -> !this.kafka.events(jobId, JobQueued.class).isEmpty())
			.toList();
		assertThat(queued).hasSizeGreaterThanOrEqualTo(2);
		queued.forEach((jobId) -> assertThat(this.kafka.events(jobId)).hasExactlyElementsOfTypes(JobQueued.class,
				JobSubmitted.class));

		// And the hub ran all three to completion, one after another, each once
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jobIds.stream()
				.allMatch((jobId) -> TestHub.job(jobId).getJobStatus() == ScheduledJobStatus.completed));
		List<ScheduledJob> jobs = jobIds.stream()
			.map(TestHub::job)
			.sorted(Comparator.comparing(ScheduledJob::getCreatedTime))
			.toList();
		for (int i = 1; i < jobs.size(); i++) {
			assertThat(jobs.get(i).getCreatedTime()).isAfterOrEqualTo(jobs.get(i - 1).getEndTime());
		}
		assertThat(TestHub.jobIds().stream().filter(jobIds::contains)).hasSize(3).doesNotHaveDuplicates();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.room.size() == 0);
	}

	@Test
	void givenTheS1TierThenAQueuedJobIsCancelledWithoutTheHubAndARunningOneOnTheHub() throws Exception {
		// Given a job that runs for a while (its device is offline; it waits 60 s for it)
		// and a second one that waits in the queue behind it
		String running = UUID.randomUUID().toString();
		String waiting = UUID.randomUUID().toString();
		String device = TestHub.device("offline-" + running);
		this.kafka.send(running, Commands.withMethod(Commands.lockDoor(running, device),
				new MethodInvocation("lockDoor", Map.of("lockTime", "10m"), 10, 60)));
		this.kafka.awaitEvent(running, JobSubmitted.class);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> TestHub.job(running).getJobStatus() == ScheduledJobStatus.running);
		this.kafka.send(waiting, Commands.buildingFloor(waiting, device));
		assertThat(this.kafka.awaitEvent(waiting, JobQueued.class).reason()).contains("429");

		// When the waiting job is cancelled
		this.kafka.send(waiting, Commands.cancel(waiting));

		// Then it leaves the queue and never reaches the hub
		JobCancelled dropped = this.kafka.awaitEvent(waiting, JobCancelled.class);
		assertThat(dropped.wasQueued()).isTrue();
		assertThat(dropped.hubStatus()).isNull();
		assertThatThrownBy(() -> TestHub.jobs().get(waiting)).isInstanceOf(IotHubNotFoundException.class);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.room.find(waiting) == null);

		// When the running job is cancelled
		this.kafka.send(running, Commands.cancel(running));

		// Then the hub cancels it and the event carries the hub's status
		JobCancelled cancelled = this.kafka.awaitEvent(running, JobCancelled.class);
		assertThat(cancelled.wasQueued()).isFalse();
		assertThat(cancelled.hubStatus()).isEqualTo("cancelled");
		assertThat(TestHub.job(running).getJobStatus()).isEqualTo(ScheduledJobStatus.cancelled);
		assertThat(this.kafka.events(waiting)).hasExactlyElementsOfTypes(JobQueued.class, JobCancelled.class);
		assertThat(KafkaTopics.header(this.kafka.lifecycleRecords(running).get(1), "ce_type"))
			.isEqualTo("dev.fleetjobs.JobCancelled.v1");
	}

}
