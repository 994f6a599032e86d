package dev.fleetjobs.status.tracking;

/**
 * A lifecycle record that is readable but cannot be processed (a missing or malformed
 * field, or a type that is no lifecycle event): it goes to the DLT at once, with the
 * error code and field in its headers.
 */
public class InvalidLifecycleEventException extends RuntimeException {

	/** A field is missing or malformed. */
	public static final String VALIDATION_FAILED = "VALIDATION_FAILED";

	/** The record's type is not a lifecycle event. */
	public static final String WRONG_TYPE = "WRONG_TYPE";

	private final String errorCode;

	private final String field;

	public InvalidLifecycleEventException(String errorCode, String field, String message) {
		super(message);
		this.errorCode = errorCode;
		this.field = field;
	}

	public String errorCode() {
		return this.errorCode;
	}

	public String field() {
		return this.field;
	}

}
