package dev.fleetjobs.contracts.rollout;

import java.time.Instant;

/**
 * A wave ended on the hub and the executor has every device's result of it. Published on
 * {@code fleetjobs.lifecycle}, keyed by the rollout's jobId.
 *
 * @param jobId the rollout's job
 * @param wave the wave number
 * @param attempt the attempt its devices were on
 * @param hubJobId the hub job
 * @param deviceCount devices in the wave
 * @param succeededCount devices that succeeded
 * @param failedCount devices that failed (FAILED)
 * @param timedOutCount devices that timed out or were offline (TIMED_OUT)
 * @param cancelledCount devices cancelled before they ran
 * @param totals the rollout's figures afterwards (retries of its failed devices are
 * scheduled by {@code RetryScheduled} events that follow)
 * @param completedAt when
 */
public record WaveCompleted(String jobId, int wave, int attempt, String hubJobId, int deviceCount, int succeededCount,
		int failedCount, int timedOutCount, int cancelledCount, RolloutTotals totals, Instant completedAt) {
}
