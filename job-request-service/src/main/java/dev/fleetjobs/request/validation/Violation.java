package dev.fleetjobs.request.validation;

/**
 * One reason a job request is refused.
 *
 * @param field the JSON path of the failing field, e.g.
 * {@code action.directMethod.methodName}, or {@code null} for the whole request
 * @param code a stable error code, e.g. {@code VALIDATION_FAILED}
 * @param message a readable message that names the rule
 */
public record Violation(String field, String code, String message) {

	public static final String VALIDATION_FAILED = "VALIDATION_FAILED";

	public static final String UNPARSEABLE = "UNPARSEABLE";

	public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";

	public static final String WRONG_TYPE = "WRONG_TYPE";

	public static final String TOO_LARGE = "TOO_LARGE";

	static Violation invalid(String field, String message) {
		return new Violation(field, VALIDATION_FAILED, message);
	}

	/** {@code field: message}, or the message alone. */
	public String describe() {
		return (this.field != null) ? this.field + ": " + this.message : this.message;
	}

}
