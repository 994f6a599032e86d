package dev.fleetjobs.contracts.rollout;

/**
 * Cancels the rollout when, among the devices that were executed (their latest attempt
 * ended), the share whose latest attempt failed with the failure type reaches the
 * threshold, once at least the minimum number of devices were executed.
 *
 * @param failureType FAILED, TIMED_OUT or ALL
 * @param thresholdPercentage above 0, at most 100
 * @param minNumberOfExecutedDevices at least 1; absent means 1
 * @param action CANCEL (absent means CANCEL): no further wave, running waves cancelled on
 * the hub
 */
public record AbortCriterion(FailureType failureType, Double thresholdPercentage, Integer minNumberOfExecutedDevices,
		AbortAction action) {

	/** The minimum number of executed devices, or its default. */
	public int minExecuted() {
		return (this.minNumberOfExecutedDevices != null) ? this.minNumberOfExecutedDevices : 1;
	}

}
