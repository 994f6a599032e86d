package dev.fleetjobs.contracts.lifecycle;

import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;

/**
 * The job exists on the hub. Exactly one per job, even when the command was redelivered.
 *
 * @param jobId the job
 * @param requestId the client request id, or {@code null}
 * @param jobType the kind of job
 * @param queryCondition the query condition the hub evaluates
 * @param startTime the start time sent to the hub
 * @param maxExecutionTimeInSeconds the deadline sent to the hub
 * @param hubStatus the status in the hub's response, e.g. {@code queued}
 * @param hubCreatedTime the hub's createdTime, when it gave one
 * @param attempts how many hub calls it took (1 when nothing was retried)
 * @param labels the request's labels
 * @param submittedAt when the hub answered
 */
public record JobSubmitted(String jobId, String requestId, JobType jobType, String queryCondition, Instant startTime,
		long maxExecutionTimeInSeconds, String hubStatus, Instant hubCreatedTime, int attempts,
		Map<String, String> labels, Instant submittedAt) {
}
