package dev.fleetjobs.contracts;

/**
 * Headers that FleetJobs adds to dead-letter records, next to Spring Kafka's own
 * {@code kafka_dlt-*} headers, so that a reader sees why a record was refused without
 * reading a stack trace.
 */
public final class DltHeaders {

	/**
	 * A readable reason, e.g.
	 * {@code action.directMethod.methodName: must not contain '/'}.
	 */
	public static final String REASON = "fleetjobs_dlt_reason";

	/** The JSON path of the failing field, when one field is to blame. */
	public static final String FIELD = "fleetjobs_dlt_field";

	/**
	 * A stable error code, e.g. {@code VALIDATION_FAILED}, {@code UNPARSEABLE},
	 * {@code UNKNOWN_FIELD}, {@code WRONG_TYPE}, {@code TOO_LARGE},
	 * {@code REQUEST_ID_CONFLICT}.
	 */
	public static final String ERROR_CODE = "fleetjobs_dlt_error_code";

	private DltHeaders() {
	}

}
