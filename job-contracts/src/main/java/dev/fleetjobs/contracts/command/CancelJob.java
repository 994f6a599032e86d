package dev.fleetjobs.contracts.command;

import java.time.Instant;

/**
 * Cancel a job: a queued job is dropped without touching the hub, a hub job is cancelled
 * on the hub. Published on {@code fleetjobs.commands}, keyed by jobId.
 *
 * @param jobId the job to cancel
 * @param reason why, free text, or {@code null}
 * @param channel {@code rest} or {@code kafka}
 * @param principal who asked
 * @param requestedAt when the cancel was accepted
 */
public record CancelJob(String jobId, String reason, String channel, String principal, Instant requestedAt) {
}
