package dev.fleetjobs.contracts.rollout;

import java.util.Set;

import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;

/**
 * How a device's attempt failed, for abort and retry criteria. {@link #TIMED_OUT} covers
 * devices that were offline (the hub's 404103), did not answer in time (504101,
 * GatewayTimeout) or did not finish before the job's deadline; {@link #FAILED} every
 * other failure (a method answered with a non-2xx status, a refused twin update).
 * {@link #ALL} matches both.
 */
public enum FailureType {

	FAILED, TIMED_OUT, ALL;

	private static final Set<String> TIMEOUT_CODES = Set.of("404103", "504101", "DeviceNotOnline", "GatewayTimeout",
			"MaxExecutionTimeExceeded", "DeviceOperationTimedOut");

	/**
	 * The failure type of a device's result: {@code FAILED} or {@code TIMED_OUT}, or
	 * {@code null} when it did not fail (completed, or cancelled).
	 */
	public static FailureType of(DeviceResult result) {
		if (result.status() != DeviceJobStatus.FAILED) {
			return null;
		}
		return (result.errorCode() != null && TIMEOUT_CODES.contains(result.errorCode())) ? TIMED_OUT : FAILED;
	}

	/**
	 * Whether a failure of the given type ({@code FAILED} or {@code TIMED_OUT}) counts.
	 */
	public boolean matches(FailureType failure) {
		return failure != null && (this == ALL || this == failure);
	}

}
