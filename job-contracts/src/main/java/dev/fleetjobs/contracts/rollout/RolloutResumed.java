package dev.fleetjobs.contracts.rollout;

import java.time.Instant;

/**
 * A maintenance window opened: waves start again. Published on
 * {@code fleetjobs.lifecycle}, keyed by jobId.
 *
 * @param jobId the job
 * @param windowEndsAt when the window closes
 * @param resumedAt when
 */
public record RolloutResumed(String jobId, Instant windowEndsAt, Instant resumedAt) {
}
