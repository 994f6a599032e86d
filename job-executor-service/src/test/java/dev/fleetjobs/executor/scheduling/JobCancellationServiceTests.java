package dev.fleetjobs.executor.scheduling;

import dev.fleetjobs.contracts.lifecycle.JobCancelFailed;
import dev.fleetjobs.contracts.lifecycle.JobCancelled;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.executor.queueing.JobState;
import dev.fleetjobs.executor.queueing.WaitingJob;
import dev.fleetjobs.executor.testsupport.Commands;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cancels against in-memory ports: queued jobs leave the queue, hub jobs are cancelled.
 */
class JobCancellationServiceTests {

	private final SchedulingFixture fixture = new SchedulingFixture();

	@Test
	void givenAQueuedJobWhenItIsCancelledThenItLeavesTheQueueWithoutTouchingTheHub() {
		// Given a job waiting for the hub's quota
		this.fixture.hub.failNext("create", 429, "ThrottlingMaxActiveJobCountExceeded", "full");
		this.fixture.handle(Commands.lockDoor("job-1", "door-1"));

		// When it is cancelled
		this.fixture.handle(Commands.cancel("job-1"));

		// Then JobCancelled says it was queued, the queue is empty, and the hub saw only
		// the refused create
		assertThat(this.fixture.publisher.events(JobCancelled.class)).singleElement().satisfies((cancelled) -> {
			assertThat(cancelled.wasQueued()).isTrue();
			assertThat(cancelled.hubStatus()).isNull();
			assertThat(cancelled.reason()).isEqualTo("changed my mind");
		});
		assertThat(this.fixture.room.size()).isZero();
		assertThat(this.fixture.hub.calls()).containsExactly("create job-1");
		assertThat(this.fixture.ledger.state(0, "job-1")).isEqualTo(JobState.DROPPED);
	}

	@Test
	void givenAJobQueuedInTheSameBatchWhenItIsCancelledThenItNeverJoinsTheQueue() {
		// Given a full quota
		this.fixture.hub.failNext("create", 429, "ThrottlingMaxActiveJobCountExceeded", "full");

		// When a batch schedules and cancels a job
		this.fixture.handle(Commands.lockDoor("job-2", "door-1"), Commands.cancel("job-2"));

		// Then it was queued and cancelled, and nothing waits
		assertThat(this.fixture.publisher.events()).hasExactlyElementsOfTypes(JobQueued.class, JobCancelled.class);
		assertThat(this.fixture.room.size()).isZero();
	}

	@Test
	void givenAJobOnTheHubWhenItIsCancelledThenTheHubCancelsItAndItsStatusIsReported() {
		// Given a submitted job
		this.fixture.handle(Commands.buildingFloor("job-3", "door-1"));

		// When it is cancelled
		this.fixture.handle(Commands.cancel("job-3"));

		// Then the hub cancelled it and JobCancelled carries the hub's status
		assertThat(this.fixture.hub.calls()).containsExactly("create job-3", "cancel job-3");
		assertThat(this.fixture.publisher.events(JobCancelled.class)).singleElement().satisfies((cancelled) -> {
			assertThat(cancelled.wasQueued()).isFalse();
			assertThat(cancelled.hubStatus()).isEqualTo("cancelled");
		});
	}

	@Test
	void givenAJobTheHubDoesNotKnowWhenItIsCancelledThenTheCancelFailsWithTheHubsError() {
		// When an unknown job is cancelled
		this.fixture.handle(Commands.cancel("job-4"));

		// Then JobCancelFailed carries the hub's 404
		assertThat(this.fixture.publisher.events(JobCancelFailed.class)).singleElement().satisfies((failed) -> {
			assertThat(failed.httpStatus()).isEqualTo(404);
			assertThat(failed.errorCode()).isEqualTo("JobNotFound");
		});
	}

	@Test
	void givenARejectedJobWhenItIsCancelledThenTheCancelFailsWithoutCallingTheHub() {
		// Given a job the hub refused
		this.fixture.hub.failNext("create", 400, "ArgumentInvalid", "bad query");
		this.fixture.handle(Commands.lockDoor("job-5", "door-1"));

		// When it is cancelled
		this.fixture.handle(Commands.cancel("job-5"));

		// Then the cancel fails with FleetJobs' code, and the hub saw only the create
		assertThat(this.fixture.publisher.events(JobCancelFailed.class)).singleElement()
			.satisfies((failed) -> assertThat(failed.errorCode()).isEqualTo("JOB_REJECTED"));
		assertThat(this.fixture.hub.calls()).containsExactly("create job-5");
	}

	@Test
	void givenAHubThatFailsTransientlyWhenAJobIsCancelledThenTheBatchIsToBeDoneAgain() {
		// Given a submitted job and a hub that answers the next cancel with 503
		this.fixture.handle(Commands.buildingFloor("job-6", "door-1"));
		this.fixture.hub.failNext("cancel", 503, "ServiceUnavailable", "busy");

		// When it is cancelled
		// Then the batch rolls back (and comes again after a backoff)
		assertThatThrownBy(() -> this.fixture.handle(Commands.cancel("job-6")))
			.isInstanceOf(HubUnavailableException.class)
			.hasMessageContaining("503");
		assertThat(this.fixture.publisher.events(JobCancelled.class)).isEmpty();
	}

	@Test
	void givenACancelThatRollsBackThenTheQueuedJobIsGivenBack() {
		// Given a queued job and a submitted job whose cancel will fail transiently
		this.fixture.handle(Commands.buildingFloor("job-7", "door-1"));
		this.fixture.hub.failNext("create", 429, "ThrottlingMaxActiveJobCountExceeded", "full");
		this.fixture.handle(Commands.lockDoor("job-8", "door-1"));
		this.fixture.hub.failNext("cancel", 503, "ServiceUnavailable", "busy");

		// When one batch cancels the queued job, then the submitted one
		assertThatThrownBy(() -> this.fixture.handle(Commands.cancel("job-8"), Commands.cancel("job-7")))
			.isInstanceOf(HubUnavailableException.class);

		// Then the queued job still waits and can be claimed again
		WaitingJob waiting = this.fixture.room.claim("job-8");
		assertThat(waiting).isNotNull();
		this.fixture.room.release(waiting);
		assertThat(this.fixture.ledger.state(0, "job-8")).isEqualTo(JobState.WAITING);
	}

	@Test
	void givenAQueuedJobThatTheDispatcherSubmittedWhenItIsCancelledThenItIsCancelledOnTheHub() {
		// Given a queued job that the dispatcher then got through
		this.fixture.hub.failNext("create", 429, "ThrottlingMaxActiveJobCountExceeded", "full");
		this.fixture.handle(Commands.lockDoor("job-9", "door-1"));
		WaitingJob job = this.fixture.room.claim("job-9");
		this.fixture.queued.attempt(job);
		this.fixture.room.removeClaimed(job);

		// When it is cancelled
		this.fixture.handle(Commands.cancel("job-9"));

		// Then it was submitted once and is cancelled on the hub
		assertThat(this.fixture.publisher.events(JobSubmitted.class)).hasSize(1);
		assertThat(this.fixture.hub.calls()).containsExactly("create job-9", "create job-9", "cancel job-9");
		assertThat(this.fixture.publisher.events(JobCancelled.class)).singleElement()
			.satisfies((cancelled) -> assertThat(cancelled.wasQueued()).isFalse());
	}

}
