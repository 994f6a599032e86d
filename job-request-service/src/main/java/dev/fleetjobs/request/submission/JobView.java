package dev.fleetjobs.request.submission;

import java.time.Instant;

import dev.fleetjobs.contracts.command.JobType;

/**
 * What this service knows of a job: that it accepted it, and whether a cancel was asked
 * for. Progress and device results are job-status-service's.
 *
 * @param jobId the job
 * @param status {@code ACCEPTED} or {@code CANCEL_REQUESTED}
 * @param requestId the client request id, or {@code null}
 * @param jobType the kind of job
 * @param acceptedAt when it was accepted
 */
record JobView(String jobId, String status, String requestId, JobType jobType, Instant acceptedAt) {
}
