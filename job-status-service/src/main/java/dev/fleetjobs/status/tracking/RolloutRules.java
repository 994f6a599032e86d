package dev.fleetjobs.status.tracking;

import java.time.Instant;

import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.contracts.rollout.RolloutEnded;
import dev.fleetjobs.contracts.rollout.RolloutPhase;

/**
 * The progress event of a rollout: its status from its phase (SCHEDULED while it waits
 * for its start, RUNNING from its first wave or decision on, the outcome's status at the
 * end), the merged statistics of every target, and its waves. {@code deviceResultCount}
 * counts the wave results published so far; {@code resultsComplete} is set by the final
 * event only.
 */
final class RolloutRules {

	private RolloutRules() {
	}

	/** The event that follows a change of the rollout's state. */
	static JobProgress progress(TrackedJob job, Instant now) {
		RolloutState rollout = job.rollout();
		JobProgress last = job.last();
		JobStatus status = (rollout.phase == RolloutPhase.WAITING && rollout.waveCount == 0) ? JobStatus.SCHEDULED
				: JobStatus.RUNNING;
		if (last != null && ProgressRules.rank(last.status()) > ProgressRules.rank(status)) {
			status = last.status();
		}
		return new JobProgress(job.jobId(), next(last), job.requestId(), job.jobType(), status, rollout.statistics(),
				job.createdTime(), job.startTime(), null, null, false, rollout.resultCount, job.labels(), now,
				rollout.progress());
	}

	/** The final event: every wave's results are published. */
	static JobProgress ended(TrackedJob job, RolloutEnded event, Instant now) {
		RolloutState rollout = job.rollout();
		rollout.phase = RolloutPhase.ENDED;
		rollout.totals = event.totals();
		rollout.waveCount = Math.max(rollout.waveCount, event.waveCount());
		rollout.pausedUntil = null;
		if (event.reason() != null) {
			rollout.endReason = event.reason();
		}
		String reason = (event.reason() != null) ? event.outcome() + ": " + event.reason() : null;
		return new JobProgress(job.jobId(), next(job.last()), job.requestId(), job.jobType(),
				event.outcome().jobStatus(), rollout.statistics(), job.createdTime(), job.startTime(), event.endedAt(),
				reason, true, rollout.resultCount, job.labels(), now, rollout.progress());
	}

	private static long next(JobProgress last) {
		return (last != null) ? last.sequence() + 1 : 1;
	}

}
