package dev.fleetjobs.status.tracking;

import java.util.regex.Pattern;

import dev.fleetjobs.contracts.lifecycle.JobCancelFailed;
import dev.fleetjobs.contracts.lifecycle.JobCancelled;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobRejected;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.contracts.rollout.DevicesJoined;
import dev.fleetjobs.contracts.rollout.RetryScheduled;
import dev.fleetjobs.contracts.rollout.RolloutAborted;
import dev.fleetjobs.contracts.rollout.RolloutAccepted;
import dev.fleetjobs.contracts.rollout.RolloutEnded;
import dev.fleetjobs.contracts.rollout.RolloutPaused;
import dev.fleetjobs.contracts.rollout.RolloutResumed;
import dev.fleetjobs.contracts.rollout.WaveCompleted;
import dev.fleetjobs.contracts.rollout.WaveStarted;

/**
 * The checks a lifecycle event must pass before it is processed: the fields this service
 * relies on and that the event's JSON Schema requires.
 */
final class LifecycleEvents {

	private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private LifecycleEvents() {
	}

	static JobQueued valid(JobQueued event) {
		jobId(event.jobId());
		present(event.jobType(), "jobType");
		present(event.queuedAt(), "queuedAt");
		return event;
	}

	static JobSubmitted valid(JobSubmitted event) {
		jobId(event.jobId());
		present(event.jobType(), "jobType");
		present(event.submittedAt(), "submittedAt");
		return event;
	}

	static JobRejected valid(JobRejected event) {
		jobId(event.jobId());
		present(event.jobType(), "jobType");
		present(event.reason(), "reason");
		present(event.rejectedAt(), "rejectedAt");
		return event;
	}

	static JobCancelled valid(JobCancelled event) {
		jobId(event.jobId());
		present(event.cancelledAt(), "cancelledAt");
		return event;
	}

	static JobCancelFailed valid(JobCancelFailed event) {
		jobId(event.jobId());
		return event;
	}

	static RolloutAccepted valid(RolloutAccepted event) {
		jobId(event.jobId());
		present(event.jobType(), "jobType");
		present(event.rollout(), "rollout");
		present(event.acceptedAt(), "acceptedAt");
		return event;
	}

	static DevicesJoined valid(DevicesJoined event) {
		jobId(event.jobId());
		present(event.totals(), "totals");
		return event;
	}

	static WaveStarted valid(WaveStarted event) {
		jobId(event.jobId());
		jobId(event.hubJobId());
		present(event.jobType(), "jobType");
		present(event.totals(), "totals");
		if (event.wave() < 1 || event.attempt() < 1) {
			throw new InvalidLifecycleEventException(InvalidLifecycleEventException.VALIDATION_FAILED, "wave",
					"wave and attempt: must be at least 1, were " + event.wave() + " and " + event.attempt());
		}
		return event;
	}

	static WaveCompleted valid(WaveCompleted event) {
		jobId(event.jobId());
		present(event.totals(), "totals");
		return event;
	}

	static RetryScheduled valid(RetryScheduled event) {
		jobId(event.jobId());
		present(event.totals(), "totals");
		return event;
	}

	static RolloutAborted valid(RolloutAborted event) {
		jobId(event.jobId());
		present(event.criterion(), "criterion");
		present(event.totals(), "totals");
		return event;
	}

	static RolloutPaused valid(RolloutPaused event) {
		jobId(event.jobId());
		return event;
	}

	static RolloutResumed valid(RolloutResumed event) {
		jobId(event.jobId());
		return event;
	}

	static RolloutEnded valid(RolloutEnded event) {
		jobId(event.jobId());
		present(event.outcome(), "outcome");
		present(event.totals(), "totals");
		present(event.endedAt(), "endedAt");
		return event;
	}

	private static void jobId(String jobId) {
		if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
			throw new InvalidLifecycleEventException(InvalidLifecycleEventException.VALIDATION_FAILED, "jobId",
					"jobId: must be 1 to 64 characters of [A-Za-z0-9-], was "
							+ ((jobId != null) ? "'" + jobId + "'" : "missing"));
		}
	}

	private static void present(Object value, String field) {
		if (value == null) {
			throw new InvalidLifecycleEventException(InvalidLifecycleEventException.VALIDATION_FAILED, field,
					field + ": is required");
		}
	}

}
