package dev.fleetjobs.status.tracking;

import java.util.regex.Pattern;

import dev.fleetjobs.contracts.lifecycle.JobCancelFailed;
import dev.fleetjobs.contracts.lifecycle.JobCancelled;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobRejected;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;

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
