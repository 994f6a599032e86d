package dev.fleetjobs.status.tracking;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.lifecycle.JobCancelled;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobRejected;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;

/**
 * Which progress event follows a lifecycle event or a hub observation. Sequences grow by
 * one per event; a status never goes back (QUEUED, SCHEDULED, RUNNING, then an end) and
 * the number of finished devices never shrinks, so a stale hub answer publishes nothing.
 */
final class ProgressRules {

	private ProgressRules() {
	}

	/** 0 queued, 1 scheduled, 2 running, 3 ended. */
	static int rank(JobStatus status) {
		return switch (status) {
			case QUEUED -> 0;
			case SCHEDULED -> 1;
			case RUNNING -> 2;
			case COMPLETED, FAILED, CANCELLED, REJECTED -> 3;
		};
	}

	static JobProgress queued(JobQueued event, Instant now) {
		return new JobProgress(event.jobId(), 1, event.requestId(), event.jobType(), JobStatus.QUEUED,
				DeviceJobStatistics.EMPTY, null, null, null, null, false, 0, labels(event.labels()), now);
	}

	/** The job exists on the hub; it waits for its start time or for the hub. */
	static JobProgress submitted(JobSubmitted event, JobProgress last, Instant now) {
		return new JobProgress(event.jobId(), next(last), event.requestId(), event.jobType(), JobStatus.SCHEDULED,
				DeviceJobStatistics.EMPTY, event.hubCreatedTime(), event.startTime(), null, null, false, 0,
				labels(event.labels()), now);
	}

	/** The final event of a job that never reached the hub. */
	static JobProgress rejected(JobRejected event, JobProgress last, Instant now) {
		String reason = (event.errorCode() != null) ? event.errorCode() + ": " + event.reason() : event.reason();
		return new JobProgress(event.jobId(), next(last), event.requestId(), event.jobType(), JobStatus.REJECTED,
				DeviceJobStatistics.EMPTY, null, null, event.rejectedAt(), reason, true, 0, labels(event.labels()),
				now);
	}

	/** The final event of a job cancelled while it waited in the executor's queue. */
	static JobProgress cancelledWhileQueued(JobCancelled event, JobProgress last, Instant now) {
		return new JobProgress(event.jobId(), next(last), last.requestId(), last.jobType(), JobStatus.CANCELLED,
				last.statistics(), last.createdTime(), last.startTime(), event.cancelledAt(), event.reason(), true, 0,
				last.labels(), now);
	}

	/**
	 * The event a hub observation calls for, if any: none when nothing changed or when
	 * the answer is older than what was published.
	 */
	static Optional<JobProgress> observed(TrackedJob job, HubJobState hub, Instant now) {
		JobProgress last = job.last();
		DeviceJobStatistics statistics = (hub.statistics() != null) ? hub.statistics()
				: (last != null) ? last.statistics() : DeviceJobStatistics.EMPTY;
		if (last != null) {
			if (rank(hub.status()) < rank(last.status()) || finished(statistics) < finished(last.statistics())) {
				return Optional.empty();
			}
			if (hub.status() == last.status() && statistics.equals(last.statistics())
					&& Objects.equals(hub.endTime(), last.endTime())
					&& Objects.equals(hub.failureReason(), last.failureReason())
					&& (hub.startTime() == null || hub.startTime().equals(last.startTime()))) {
				return Optional.empty();
			}
		}
		JobType type = (job.jobType() != null) ? job.jobType() : hub.jobType();
		if (type == null) {
			return Optional.empty();
		}
		Instant created = (hub.createdTime() != null) ? hub.createdTime() : (last != null) ? last.createdTime() : null;
		Instant start = (hub.startTime() != null) ? hub.startTime() : (last != null) ? last.startTime() : null;
		return Optional.of(new JobProgress(job.jobId(), next(last), job.requestId(), type, hub.status(), statistics,
				created, start, hub.endTime(), hub.failureReason(), false, 0, job.labels(), now));
	}

	/** A job the hub keeps answering "not found" for is reported failed. */
	static JobProgress lost(TrackedJob job, Instant now) {
		JobProgress last = job.last();
		return new JobProgress(job.jobId(), next(last), job.requestId(), job.jobType(), JobStatus.FAILED,
				last.statistics(), last.createdTime(), last.startTime(), now,
				"JOB_NOT_FOUND: the hub no longer knows this job", false, 0, job.labels(), now);
	}

	private static long next(JobProgress last) {
		return (last != null) ? last.sequence() + 1 : 1;
	}

	private static int finished(DeviceJobStatistics statistics) {
		return statistics.succeededCount() + statistics.failedCount();
	}

	private static Map<String, String> labels(Map<String, String> labels) {
		return (labels != null) ? labels : Map.of();
	}

}
