package dev.fleetjobs.request.submission;

/**
 * The command could not be handed to Kafka in time (broker down, or the idempotency index
 * not ready yet). Nothing was accepted; the client may retry.
 */
public class CommandsUnavailableException extends RuntimeException {

	CommandsUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
