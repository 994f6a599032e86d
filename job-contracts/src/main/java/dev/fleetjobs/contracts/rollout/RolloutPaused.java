package dev.fleetjobs.contracts.rollout;

import java.time.Instant;

/**
 * The rollout is outside its maintenance windows: no wave starts until the next one opens
 * (waves that run go on). Published on {@code fleetjobs.lifecycle}, keyed by jobId.
 *
 * @param jobId the job
 * @param reason why, e.g. {@code outside its maintenance windows}
 * @param resumesAt when the next window opens, or {@code null} when none will before the
 * end time
 * @param pausedAt when
 */
public record RolloutPaused(String jobId, String reason, Instant resumesAt, Instant pausedAt) {
}
