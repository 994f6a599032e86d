package dev.fleetjobs.executor.scheduling;

import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.lifecycle.JobRejected;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.executor.queueing.JobState;
import dev.fleetjobs.executor.queueing.WaitingJob;
import dev.fleetjobs.executor.queueing.WaitingJobHandler.Attempt;
import dev.fleetjobs.executor.queueing.WaitingJobHandler.Next;
import dev.fleetjobs.executor.testsupport.Commands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispatcher's attempts at waiting jobs, against in-memory ports. */
class QueuedSubmissionsTests {

	private final SchedulingFixture fixture = new SchedulingFixture();

	private final ScheduleJob command = Commands.lockDoor("job-1", "door-1");

	private WaitingJob job;

	@BeforeEach
	void queueOneJob() {
		this.fixture.hub.failNext("create", 429, "ThrottlingMaxActiveJobCountExceeded", "full");
		this.fixture.handle(this.command);
		this.job = this.fixture.room.find("job-1");
	}

	@Test
	void givenTheHubTakesTheJobThenJobSubmittedIsPublishedInItsOwnTransaction() {
		// When the dispatcher tries again
		Attempt attempt = this.fixture.queued.attempt(this.job);

		// Then the job is settled, submitted with both hub calls counted
		assertThat(attempt.next()).isEqualTo(Next.SETTLED);
		assertThat(this.fixture.publisher.transactions()).isEqualTo(1);
		assertThat(this.fixture.publisher.events(JobSubmitted.class)).singleElement()
			.satisfies((submitted) -> assertThat(submitted.attempts()).isEqualTo(2));
		assertThat(this.fixture.ledger.state(0, "job-1")).isEqualTo(JobState.ON_HUB);
	}

	@Test
	void givenAnEarlierAttemptGotThroughBeforeACrashThenTheJobIsAdoptedNotDuplicated() {
		// Given the job already on the hub (the process died before publishing)
		this.fixture.hub.existing(this.command);

		// When the dispatcher tries it
		Attempt attempt = this.fixture.queued.attempt(this.job);

		// Then it is submitted, once
		assertThat(attempt.next()).isEqualTo(Next.SETTLED);
		assertThat(this.fixture.publisher.events(JobSubmitted.class)).hasSize(1);
		assertThat(this.fixture.hub.calls()).containsExactly("create job-1", "create job-1", "get job-1");
	}

	@Test
	void givenTheQuotaIsStillFullThenTheAttemptSaysTheHubIsBusy() {
		this.fixture.hub.failNext("create", 429, "ThrottlingMaxActiveJobCountExceeded", "full");

		Attempt attempt = this.fixture.queued.attempt(this.job);

		assertThat(attempt.next()).isEqualTo(Next.HUB_BUSY);
		assertThat(attempt.label()).isEqualTo("quota");
		assertThat(this.fixture.publisher.events(JobSubmitted.class)).isEmpty();
	}

	@Test
	void givenThrottlingThenTheAttemptSaysTheHubIsBusyForThrottling() {
		this.fixture.hub.failNext("create", 429, "ThrottlingException", "too many job operations");

		Attempt attempt = this.fixture.queued.attempt(this.job);

		assertThat(attempt.next()).isEqualTo(Next.HUB_BUSY);
		assertThat(attempt.label()).isEqualTo("throttled");
	}

	@Test
	void givenAnIoFailureThenTheJobIsRetriedLater() {
		this.fixture.hub.failNext("create", 0, "IOError", "connection reset");

		Attempt attempt = this.fixture.queued.attempt(this.job);

		assertThat(attempt.next()).isEqualTo(Next.RETRY_LATER);
		assertThat(attempt.label()).isEqualTo("io_error");
		assertThat(this.fixture.counter("fleetjobs.executor.retries", "operation", "create", "reason", "io_error"))
			.isEqualTo(1);
	}

	@Test
	void givenAPermanentErrorThenTheJobIsRejectedAndDeadLettered() {
		this.fixture.hub.failNext("create", 401, "IotHubUnauthorizedAccess", "bad token");

		Attempt attempt = this.fixture.queued.attempt(this.job);

		assertThat(attempt.next()).isEqualTo(Next.SETTLED);
		assertThat(this.fixture.publisher.events(JobRejected.class)).singleElement()
			.satisfies((rejected) -> assertThat(rejected.httpStatus()).isEqualTo(401));
		assertThat(this.fixture.publisher.deadLetters()).hasSize(1);
		assertThat(this.fixture.ledger.state(0, "job-1")).isEqualTo(JobState.REJECTED);
	}

	@Test
	void givenAJobThatWaitedTooLongThenItIsRejectedAsRetriesExhausted() {
		this.fixture.queued.expire(this.job);

		assertThat(this.fixture.publisher.events(JobRejected.class)).singleElement().satisfies((rejected) -> {
			assertThat(rejected.errorCode()).isEqualTo("RETRIES_EXHAUSTED");
			assertThat(rejected.reason()).contains("429");
		});
		assertThat(this.fixture.publisher.deadLetters()).singleElement()
			.satisfies((letter) -> assertThat(letter.errorCode()).isEqualTo("RETRIES_EXHAUSTED"));
	}

}
