package dev.fleetjobs.contracts.lifecycle;

import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;

/**
 * The hub refused the job for good (a bad query, a bad method name, missing permissions,
 * or a different definition under an existing jobId). Terminal.
 *
 * @param jobId the job
 * @param requestId the client request id, or {@code null}
 * @param jobType the kind of job
 * @param httpStatus the hub's HTTP status, or 0 when the refusal came from FleetJobs
 * @param errorCode the hub's error code (e.g. {@code 400004}, {@code ArgumentInvalid}) or
 * a FleetJobs code (e.g. {@code JOB_DEFINITION_CONFLICT})
 * @param reason a readable reason, including the hub's message
 * @param labels the request's labels
 * @param rejectedAt when it was refused
 */
public record JobRejected(String jobId, String requestId, JobType jobType, int httpStatus, String errorCode,
		String reason, Map<String, String> labels, Instant rejectedAt) {
}
