package dev.fleetjobs.contracts.rollout;

/** What an abort criterion does when it trips. */
public enum AbortAction {

	/** No further wave; the running waves are cancelled on the hub. */
	CANCEL

}
