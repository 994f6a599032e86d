package dev.fleetjobs.contracts.rollout;

import java.time.Instant;
import java.util.List;

/**
 * Devices became targets of a rollout: the snapshot when it starts, and (CONTINUOUS)
 * devices that started to match later. Published on {@code fleetjobs.lifecycle}, keyed by
 * jobId.
 *
 * @param jobId the job
 * @param selection SNAPSHOT for the devices that matched at the start, CONTINUOUS for
 * later ones
 * @param joinedCount how many devices joined
 * @param sampleDeviceIds up to 20 of them
 * @param totals the rollout's figures afterwards
 * @param joinedAt when
 */
public record DevicesJoined(String jobId, TargetSelection selection, int joinedCount, List<String> sampleDeviceIds,
		RolloutTotals totals, Instant joinedAt) {

	/** How many device ids a {@code DevicesJoined} names at most. */
	public static final int MAX_SAMPLE = 20;

}
