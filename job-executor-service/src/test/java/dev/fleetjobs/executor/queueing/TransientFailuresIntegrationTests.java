package dev.fleetjobs.executor.queueing;

import java.time.Duration;
import java.util.UUID;

import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.emulator.faults.Fault;
import dev.fleetjobs.executor.testsupport.Commands;
import dev.fleetjobs.executor.testsupport.ExecutorIntegrationTest;
import dev.fleetjobs.executor.testsupport.KafkaTopics;
import dev.fleetjobs.executor.testsupport.TestHub;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected into the emulator's job creation (the hub's own 429 and 503 bodies):
 * the job waits, is tried again with growing waits, and gets through once the hub does.
 */
@ExecutorIntegrationTest
class TransientFailuresIntegrationTests {

	@Autowired
	private KafkaTopics kafka;

	@Autowired
	private MeterRegistry meters;

	@AfterEach
	void noFaults() {
		TestHub.reset();
	}

	@Test
	void givenInjected429sAnd503sThenTheJobIsEventuallySubmittedAndTheBackoffShowsInTheMetrics() {
		// Given a hub whose next two job creations are throttled, and the two after that
		// answer 503
		TestHub.hub().faults().inject(Fault.throttle("jobs.create").times(2));
		TestHub.hub().faults().inject(Fault.unavailable("jobs.create").times(2));
		double throttled = retries("throttled");
		double unavailable = retries("server_error");
		long throttledWaits = waits("throttled");
		long unavailableWaits = waits("server_error");
		long creates = TestHub.hub().calls().count("jobs.create");

		// When a command comes
		String jobId = UUID.randomUUID().toString();
		this.kafka.send(jobId, Commands.buildingFloor(jobId, TestHub.device("faulty-" + jobId)));

		// Then it waits, and is submitted at the fifth try
		JobSubmitted submitted = this.kafka.awaitEvent(jobId, JobSubmitted.class);
		assertThat(submitted.attempts()).isEqualTo(5);
		assertThat(this.kafka.events(jobId)).hasExactlyElementsOfTypes(JobQueued.class, JobSubmitted.class);
		assertThat(TestHub.hub().calls().count("jobs.create") - creates).isEqualTo(5);
		assertThat(TestHub.job(jobId).getJobId()).isEqualTo(jobId);

		// And every retry and every wait before it is in the metrics
		assertThat(retries("throttled") - throttled).isEqualTo(2);
		assertThat(retries("server_error") - unavailable).isEqualTo(2);
		assertThat(waits("throttled") - throttledWaits).isEqualTo(2);
		assertThat(waits("server_error") - unavailableWaits).isEqualTo(2);
		assertThat(this.meters.find("fleetjobs.hub.call")
			.tags("operation", "create", "outcome", "throttled")
			.timer()
			.count()).isGreaterThanOrEqualTo(2);
		assertThat(KafkaTopics.header(this.kafka.lifecycleRecords(jobId).get(0), "ce_type"))
			.isEqualTo("dev.fleetjobs.JobQueued.v1");
	}

	@Test
	void givenTheHubFailsEveryOtherCreateThenJobsSentTogetherAreAllSubmittedOnce() {
		// Given a hub that answers half of the job creations with 503
		TestHub.hub().faults().inject(Fault.unavailable("jobs.create").fraction(0.5, 42));
		String device = TestHub.device("flaky-" + UUID.randomUUID());

		// When ten commands come at once
		var jobIds = java.util.stream.IntStream.range(0, 10).mapToObj((i) -> UUID.randomUUID().toString()).toList();
		jobIds.forEach((jobId) -> this.kafka.send(jobId, Commands.buildingFloor(jobId, device)));

		// Then every one is submitted exactly once, none of them blocked by another's
		// retries
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> jobIds.stream().allMatch((jobId) -> !this.kafka.events(jobId, JobSubmitted.class).isEmpty()));
		jobIds.forEach((jobId) -> assertThat(this.kafka.events(jobId, JobSubmitted.class)).hasSize(1));
		assertThat(TestHub.jobIds()).containsAll(jobIds);
	}

	@Test
	void givenACancelThatTheHubAnswersWith503ThenTheBatchIsRetriedAfterABackoffAndCancelsOnce() {
		// Given a job that runs for a while on the hub (its device is offline; it waits
		// for it)
		String jobId = UUID.randomUUID().toString();
		this.kafka.send(jobId, Commands.withMethod(Commands.lockDoor(jobId, TestHub.device("cancel-" + jobId)),
				new dev.fleetjobs.contracts.request.MethodInvocation("lockDoor", null, 10, 60)));
		this.kafka.awaitEvent(jobId, JobSubmitted.class);
		long cancels = TestHub.hub().calls().count("jobs.cancel");

		// When it is cancelled while the hub answers the next two cancels with 503
		TestHub.hub().faults().inject(Fault.unavailable("jobs.cancel").times(2));
		this.kafka.send(jobId, Commands.cancel(jobId));

		// Then the cancel's batch is rolled back twice and, after its backoff, succeeds:
		// one JobCancelled, nothing committed from the failed tries
		var cancelled = this.kafka.awaitEvent(jobId, dev.fleetjobs.contracts.lifecycle.JobCancelled.class);
		assertThat(cancelled.hubStatus()).isEqualTo("cancelled");
		assertThat(TestHub.hub().calls().count("jobs.cancel") - cancels).isEqualTo(3);
		assertThat(this.kafka.events(jobId)).hasSize(2);
		assertThat(this.meters.find("fleetjobs.executor.retries")
			.tags("operation", "cancel", "reason", "server_error")
			.counter()
			.count()).isGreaterThanOrEqualTo(2);
	}

	private double retries(String reason) {
		var counter = this.meters.find("fleetjobs.executor.retries")
			.tags("operation", "create", "reason", reason)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private long waits(String reason) {
		Timer timer = this.meters.find("fleetjobs.executor.backoff").tag("reason", reason).timer();
		return (timer != null) ? timer.count() : 0;
	}

}
