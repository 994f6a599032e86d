package dev.fleetjobs.contracts.rollout;

import java.time.Instant;

/**
 * The rollout is over: no wave runs any more and every wave's results are in. Published
 * on {@code fleetjobs.lifecycle}, keyed by jobId; job-status-service then publishes the
 * job's final progress event.
 *
 * @param jobId the job
 * @param outcome how it ended
 * @param reason a readable reason (the abort criterion, who cancelled, the end time, the
 * hub's refusal), or {@code null} when it completed
 * @param waveCount how many waves it ran
 * @param totals the final figures
 * @param endedAt when
 */
public record RolloutEnded(String jobId, RolloutOutcome outcome, String reason, int waveCount, RolloutTotals totals,
		Instant endedAt) {
}
