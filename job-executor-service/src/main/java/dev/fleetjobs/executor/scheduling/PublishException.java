package dev.fleetjobs.executor.scheduling;

/**
 * Kafka did not take an event. It is never swallowed: the transaction aborts and the work
 * is done again.
 */
public class PublishException extends RuntimeException {

	public PublishException(String message, Throwable cause) {
		super(message, cause);
	}

}
