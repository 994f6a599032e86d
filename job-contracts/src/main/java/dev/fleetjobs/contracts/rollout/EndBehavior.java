package dev.fleetjobs.contracts.rollout;

/** What a rollout does at its end time. */
public enum EndBehavior {

	/** No further wave; the running waves finish; devices not reached stay so. */
	STOP_ROLLOUT,

	/** No further wave, and the running waves are cancelled on the hub. */
	CANCEL

}
