package dev.fleetjobs.contracts.rollout;

import java.time.Instant;

/**
 * Devices of a completed wave failed and will be tried again: they join a wave of their
 * next attempt no sooner than {@code notBefore}. Published on
 * {@code fleetjobs.lifecycle}, keyed by the rollout's jobId.
 *
 * @param jobId the rollout's job
 * @param attempt the attempt they will be on (2 for the first retry)
 * @param failureType how their last attempt failed
 * @param deviceCount how many devices
 * @param afterWave the wave they failed in
 * @param notBefore the earliest time of the retry
 * @param totals the rollout's figures afterwards
 * @param scheduledAt when
 */
public record RetryScheduled(String jobId, int attempt, FailureType failureType, int deviceCount, int afterWave,
		Instant notBefore, RolloutTotals totals, Instant scheduledAt) {
}
