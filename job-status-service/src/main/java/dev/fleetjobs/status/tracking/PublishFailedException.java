package dev.fleetjobs.status.tracking;

/**
 * Events could not be published (Kafka unavailable, transaction aborted): the work is
 * retried, never dropped.
 */
public class PublishFailedException extends TransientTrackingException {

	public PublishFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
