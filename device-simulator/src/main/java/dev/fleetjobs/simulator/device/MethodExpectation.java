package dev.fleetjobs.simulator.device;

/**
 * What a test should expect when a method (directly or through a job) reaches one
 * simulated device.
 *
 * @param outcome whether the device answers, is not online, or answers too late
 * @param status the device's status when it answers (200, 400, 404, 500); otherwise the
 * hub's HTTP status (404 not online, 504 timed out)
 * @param errorCode the hub's error code when the device does not answer in time (404103,
 * 504101), else 0
 * @param certain false when either outcome can happen: the device churns (a call that
 * reaches it while it drops its connection is lost), or its latency lies within a second
 * of the response timeout
 */
public record MethodExpectation(Outcome outcome, int status, int errorCode, boolean certain) {

	/** How a method call on a device ends. */
	public enum Outcome {

		/** The device answers with {@link MethodExpectation#status()}. */
		ANSWERED,

		/** The device is not connected within the connect timeout: 404103. */
		DEVICE_NOT_ONLINE,

		/** The device answers after the response timeout: 504101. */
		TIMED_OUT

	}

	public boolean succeeds() {
		return this.outcome == Outcome.ANSWERED && this.status >= 200 && this.status < 300;
	}

}
