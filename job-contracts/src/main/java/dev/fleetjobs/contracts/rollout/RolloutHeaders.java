package dev.fleetjobs.contracts.rollout;

/**
 * Kafka headers of rollout records, so that a consumer can tell them apart without
 * reading the payload.
 */
public final class RolloutHeaders {

	/**
	 * On {@code fleetjobs.progress} and {@code fleetjobs.device-results} records of a
	 * rollout (value {@code true}); absent on plain jobs.
	 */
	public static final String ROLLOUT = "fleetjobs_rollout";

	private RolloutHeaders() {
	}

}
