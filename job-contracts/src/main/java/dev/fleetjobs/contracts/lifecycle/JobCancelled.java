package dev.fleetjobs.contracts.lifecycle;

import java.time.Instant;

/**
 * The job was cancelled: dropped from the executor's queue ({@code wasQueued}), or
 * cancelled on the hub.
 *
 * @param jobId the job
 * @param wasQueued true when the job never reached the hub
 * @param hubStatus the hub's status after the cancel, or {@code null} when it never
 * reached the hub
 * @param reason the cancel request's reason, or {@code null}
 * @param cancelledAt when it was cancelled
 */
public record JobCancelled(String jobId, boolean wasQueued, String hubStatus, String reason, Instant cancelledAt) {
}
