package dev.fleetjobs.contracts.lifecycle;

import java.time.Instant;

/**
 * A cancel could not be carried out, e.g. the job is unknown or already finished.
 *
 * @param jobId the job
 * @param httpStatus the hub's HTTP status, or 0 when the refusal came from FleetJobs
 * @param errorCode the hub's or FleetJobs' error code
 * @param reason a readable reason
 * @param failedAt when it failed
 */
public record JobCancelFailed(String jobId, int httpStatus, String errorCode, String reason, Instant failedAt) {
}
