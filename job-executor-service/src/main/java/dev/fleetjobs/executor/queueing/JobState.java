package dev.fleetjobs.executor.queueing;

/** What this instance knows about a job of one of its partitions. */
public enum JobState {

	/** Waiting in this instance's queue ({@code JobQueued}), not on the hub yet. */
	WAITING,

	/**
	 * Created on the hub ({@code JobSubmitted}); it may have been cancelled there since.
	 */
	ON_HUB,

	/** Refused for good ({@code JobRejected}). */
	REJECTED,

	/** Cancelled while it waited ({@code JobCancelled} with {@code wasQueued}). */
	DROPPED,

	/**
	 * A rollout ({@code RolloutAccepted}): its waves are the rollout engine's; commands
	 * for it go there.
	 */
	ROLLOUT

}
