package dev.fleetjobs.contracts.rollout;

/** Which devices a rollout reaches. */
public enum TargetSelection {

	/** The devices that match the target when the rollout starts. */
	SNAPSHOT,

	/**
	 * Those, and every device that starts to match later, until the job is cancelled or
	 * reaches its end time.
	 */
	CONTINUOUS

}
