package dev.fleetjobs.contracts.rollout;

/**
 * Where each device of a rollout stands, as the executor knows it: every targeted device
 * is in exactly one of the other counts.
 *
 * @param targeted devices the rollout targets (the snapshot plus those that joined)
 * @param succeeded devices whose latest attempt succeeded
 * @param failed devices whose latest attempt failed (FAILED) with no retry to come
 * @param timedOut devices whose latest attempt timed out or found them offline
 * (TIMED_OUT) with no retry to come
 * @param cancelled devices whose latest attempt was cancelled (the rollout was cancelled
 * or aborted while their wave ran)
 * @param inWaves devices in waves that have not completed yet
 * @param awaitingRetry devices that failed and wait for their next attempt
 * @param notNotified devices no wave has reached yet
 */
public record RolloutTotals(int targeted, int succeeded, int failed, int timedOut, int cancelled, int inWaves,
		int awaitingRetry, int notNotified) {

	public static final RolloutTotals EMPTY = new RolloutTotals(0, 0, 0, 0, 0, 0, 0, 0);

	/** Devices a wave reached at least once. */
	public int notified() {
		return this.targeted - this.notNotified;
	}

}
