package dev.fleetjobs.contracts.rollout;

import java.time.Instant;

import dev.fleetjobs.contracts.command.JobType;

/**
 * A wave exists on the hub: one IoT Hub job over {@code deviceId IN [...]} of its
 * devices. Exactly one per wave (a redelivery or a takeover finds the hub job and adopts
 * it). Published on {@code fleetjobs.lifecycle}, keyed by the rollout's jobId.
 *
 * @param jobId the rollout's job
 * @param wave the wave number, from 1
 * @param attempt the attempt its devices are on: 1, or 1 + the retry
 * @param hubJobId the hub job ({@code <jobId>-w<wave>})
 * @param jobType the kind of hub job
 * @param deviceCount how many devices it runs on
 * @param ratePerMinute the rate the wave was sized by, 0 when unlimited
 * @param hubStatus the status in the hub's answer, e.g. {@code queued}
 * @param hubCreatedTime the hub's createdTime, when it gave one
 * @param totals the rollout's figures afterwards
 * @param startedAt when the hub answered
 */
public record WaveStarted(String jobId, int wave, int attempt, String hubJobId, JobType jobType, int deviceCount,
		double ratePerMinute, String hubStatus, Instant hubCreatedTime, RolloutTotals totals, Instant startedAt) {
}
