package dev.fleetjobs.status.hub;

/**
 * Port: permits for hub calls. Pollers ask before each call and report how it went, so a
 * 429 pauses every call of the same quota.
 */
public interface CallBudget {

	/** Takes a permit at once, or says no (backing off, or spent for now). */
	boolean tryAcquire(HubOperation operation);

	/** The hub throttled a call of this operation. */
	void throttled(HubOperation operation);

	/** A call of this operation succeeded. */
	void succeeded(HubOperation operation);

}
