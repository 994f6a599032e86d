package dev.fleetjobs.executor.scheduling;

import java.time.Instant;

/**
 * A job as the hub reports it.
 *
 * @param jobId the job
 * @param status the hub's status, e.g. {@code queued}, {@code running}, {@code cancelled}
 * @param createdTime the hub's createdTime, or {@code null}
 * @param definition what the job does, or {@code null} when the answer did not say
 */
public record HubJob(String jobId, String status, Instant createdTime, JobDefinition definition) {
}
