package dev.fleetjobs.contracts.lifecycle;

import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;

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
 */
public record JobQueued(String jobId, String requestId, JobType jobType, String reason, int queuePosition,
		Map<String, String> labels, Instant queuedAt) {
}
