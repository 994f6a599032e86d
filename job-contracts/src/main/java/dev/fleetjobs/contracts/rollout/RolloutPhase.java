package dev.fleetjobs.contracts.rollout;

/** Where a rollout is, in its progress events. */
public enum RolloutPhase {

	/** Accepted; waits for its start time. */
	WAITING,

	/** Starting waves. */
	RUNNING,

	/** Outside its maintenance windows: no wave starts until the next one opens. */
	PAUSED,

	/**
	 * No further wave (cancelled, aborted, end time, or every device reached); waits for
	 * the waves that still run.
	 */
	STOPPING,

	/** Ended; see the job's status and failure reason. */
	ENDED

}
