package dev.fleetjobs.executor.queueing;

import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.lifecycle.JobCancelFailed;
import dev.fleetjobs.contracts.lifecycle.JobCancelled;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobRejected;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.executor.testsupport.Commands;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilding a partition's jobs from its lifecycle events. */
class LifecycleFoldTests {

	private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

	private final LifecycleFold fold = new LifecycleFold();

	@Test
	void givenALifecycleThenOnlyJobsQueuedAndNotSettledSinceStillWaitInTheirOrder() {
		// Given queued jobs, of which one was submitted, one cancelled and one rejected
		// later, and one that never waited
		this.fold.apply(queued("job-a", 1));
		this.fold.apply(queued("job-b", 2));
		this.fold.apply(queued("job-c", 3));
		this.fold.apply(queued("job-d", 4));
		this.fold.apply(queued("job-e", 5));
		this.fold.apply(submitted("job-b"));
		this.fold.apply(new JobCancelled("job-c", true, null, null, T0));
		this.fold
			.apply(new JobRejected("job-d", null, JobType.DEVICE_METHOD, 0, "RETRIES_EXHAUSTED", "r", Map.of(), T0));
		this.fold.apply(new JobCancelFailed("job-e", 404, "JobNotFound", "r", T0));
		this.fold.apply(submitted("job-f"));
		this.fold.apply(new JobCancelled("job-f", false, "cancelled", null, T0));

		// Then a and e still wait, first queued first, and every job has its state
		assertThat(this.fold.waiting()).extracting(JobQueued::jobId).containsExactly("job-a", "job-e");
		assertThat(this.fold.states()).containsEntry("job-a", JobState.WAITING)
			.containsEntry("job-b", JobState.ON_HUB)
			.containsEntry("job-c", JobState.DROPPED)
			.containsEntry("job-d", JobState.REJECTED)
			.containsEntry("job-e", JobState.WAITING)
			.containsEntry("job-f", JobState.ON_HUB);
		assertThat(this.fold.events()).isEqualTo(11);
	}

	@Test
	void givenAJobQueuedTwiceThenItKeepsItsFirstPlace() {
		this.fold.apply(queued("job-a", 1));
		this.fold.apply(queued("job-b", 2));
		this.fold.apply(queued("job-a", 3));

		assertThat(this.fold.waiting()).extracting(JobQueued::jobId, JobQueued::queuedAt)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("job-a", T0.plusSeconds(1)),
					org.assertj.core.groups.Tuple.tuple("job-b", T0.plusSeconds(2)));
	}

	@Test
	void givenASettledJobQueuedAgainThenItDoesNotWait() {
		this.fold.apply(queued("job-a", 1));
		this.fold.apply(submitted("job-a"));
		this.fold.apply(queued("job-a", 3));

		assertThat(this.fold.waiting()).isEmpty();
		assertThat(this.fold.states()).containsEntry("job-a", JobState.ON_HUB);
	}

	@Test
	void givenAQueuedEventWithoutItsCommandThenItCannotBeRebuiltAndIsSkipped() {
		this.fold.apply(new JobQueued("job-a", null, JobType.DEVICE_METHOD, "full", 1, Map.of(), T0));

		assertThat(this.fold.waiting()).isEmpty();
		assertThat(this.fold.states()).doesNotContainKey("job-a");
	}

	private static JobQueued queued(String jobId, int second) {
		ScheduleJob command = Commands.lockDoor(jobId, "door-1");
		return new JobQueued(jobId, null, command.jobType(), "full", 1, Map.of(), T0.plusSeconds(second), command);
	}

	private static JobSubmitted submitted(String jobId) {
		return new JobSubmitted(jobId, null, JobType.DEVICE_METHOD, "*", T0, 60, "queued", T0, 1, Map.of(), T0);
	}

}
