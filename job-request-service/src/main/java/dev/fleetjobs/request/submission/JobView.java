package dev.fleetjobs.request.submission;

import java.time.Instant;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.rollout.Rollout;

/**
 * What this service knows of a job: that it accepted it, and whether a cancel was asked
 * for. Progress and device results are job-status-service's.
 *
 * @param jobId the job
 * @param status {@code ACCEPTED} or {@code CANCEL_REQUESTED}
 * @param requestId the client request id, or {@code null}
 * @param jobType the kind of job
 * @param acceptedAt when it was accepted
 * @param rollout the rollout settings as requested, or {@code null} for a plain job
 */
record JobView(String jobId, String status, String requestId, JobType jobType, Instant acceptedAt, Rollout rollout) {
}
