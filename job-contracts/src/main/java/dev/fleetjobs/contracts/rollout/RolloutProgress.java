package dev.fleetjobs.contracts.rollout;

import java.time.Instant;
import java.util.List;

/**
 * The rollout part of a job's progress event. The event's {@code statistics} count every
 * targeted device once (the executor's totals, with the running waves' live statistics
 * merged in); this adds the executor's own figures and the waves.
 *
 * @param phase where the rollout is
 * @param targetSelection SNAPSHOT or CONTINUOUS
 * @param totals the executor's figures as of its latest rollout event
 * @param ratePerMinute the current rate (devices per minute), 0 when unlimited
 * @param waveCount waves started so far
 * @param pausedUntil when the next maintenance window opens, while paused
 * @param endReason why it stopped or ended (the abort criterion that tripped, the cancel,
 * the end time), or {@code null}
 * @param waves the waves that have not completed, and the latest completed ones (at most
 * 20 of those)
 */
public record RolloutProgress(RolloutPhase phase, TargetSelection targetSelection, RolloutTotals totals,
		double ratePerMinute, int waveCount, Instant pausedUntil, String endReason, List<WaveProgress> waves) {

	/** How many completed waves a progress event lists at most. */
	public static final int MAX_COMPLETED_WAVES = 20;

}
