package dev.fleetjobs.status.tracking;

/**
 * A lifecycle event could not be handled yet for a reason that passes (Kafka or the view
 * not available, the tracker busy): the listener retries it with backoff until it goes
 * through; it is never dead-lettered, because the event itself is valid.
 */
public class TransientTrackingException extends RuntimeException {

	public TransientTrackingException(String message, Throwable cause) {
		super(message, cause);
	}

}
