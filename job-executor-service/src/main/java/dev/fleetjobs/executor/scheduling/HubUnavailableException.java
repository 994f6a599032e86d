package dev.fleetjobs.executor.scheduling;

/**
 * A hub call that a command's handling cannot do without (a cancel, or reading an
 * existing job) failed transiently. The listener's transaction is rolled back and the
 * batch comes again after a backoff, with the partition paused meanwhile.
 */
public class HubUnavailableException extends RuntimeException {

	public HubUnavailableException(HubCallException cause) {
		super(cause.operation() + " failed transiently: " + cause.describe(), cause);
	}

}
