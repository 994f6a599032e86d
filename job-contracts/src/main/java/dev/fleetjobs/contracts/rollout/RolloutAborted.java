package dev.fleetjobs.contracts.rollout;

import java.time.Instant;
import java.util.List;

/**
 * An abort criterion tripped: no further wave starts, and the waves that run are
 * cancelled on the hub. {@code RolloutEnded} follows once they ended. Published on
 * {@code fleetjobs.lifecycle}, keyed by jobId.
 *
 * @param jobId the job
 * @param criterion the criterion that tripped
 * @param executedDevices devices whose latest attempt had ended
 * @param failedDevices those of them whose latest attempt failed with the criterion's
 * failure type
 * @param failurePercentage {@code 100 * failedDevices / executedDevices}
 * @param cancelledWaves the waves that were running and are cancelled
 * @param totals the rollout's figures at the abort
 * @param abortedAt when
 */
public record RolloutAborted(String jobId, AbortCriterion criterion, int executedDevices, int failedDevices,
		double failurePercentage, List<Integer> cancelledWaves, RolloutTotals totals, Instant abortedAt) {

	/**
	 * Why it aborted, e.g.
	 * {@code FAILED reached 30.3% (20 of 66 executed devices; threshold 20.0% after 50)}.
	 */
	public String reason() {
		return reason(this.criterion, this.executedDevices, this.failedDevices, this.failurePercentage);
	}

	/** The reason of an abort with these figures. */
	public static String reason(AbortCriterion criterion, int executed, int failed, double percentage) {
		return criterion.failureType() + " reached " + (Math.round(percentage * 10) / 10.0) + "% (" + failed + " of "
				+ executed + " executed devices; threshold " + criterion.thresholdPercentage() + "% after "
				+ criterion.minExecuted() + ")";
	}

}
