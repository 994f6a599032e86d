package dev.fleetjobs.contracts.lifecycle;

import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.command.ScheduleJob;

/**
 * The hub's concurrent-job quota is full; the job waits in job-executor-service and is
 * submitted as soon as a running job finishes.
 *
 * @param jobId the job
 * @param requestId the client request id, or {@code null}
 * @param jobType the kind of job
 * @param reason why it waits, e.g. the hub's throttling message
 * @param queuePosition 1-based position in this executor's queue when it was queued
 * @param labels the request's labels
 * @param queuedAt when it was queued
 * @param command the whole command that waits, so that the owner of the job's partition
 * can rebuild its queue from {@code fleetjobs.lifecycle} after a restart or a rebalance;
 * {@code null} from producers that predate the field
 */
public record JobQueued(String jobId, String requestId, JobType jobType, String reason, int queuePosition,
		Map<String, String> labels, Instant queuedAt, ScheduleJob command) {

	/** A queued event without the command (as written before the field existed). */
	public JobQueued(String jobId, String requestId, JobType jobType, String reason, int queuePosition,
			Map<String, String> labels, Instant queuedAt) {
		this(jobId, requestId, jobType, reason, queuePosition, labels, queuedAt, null);
	}

}
