package dev.fleetjobs.executor.scheduling;

/**
 * A hub call that did not succeed: the hub answered with an error status, or no answer
 * came (an I/O failure, status 0). Carries the hub's own error code and message so that
 * they can be reported as they are.
 */
public class HubCallException extends Exception {

	private final String operation;

	private final int httpStatus;

	private final String errorCode;

	/**
	 * Creates one.
	 * @param operation {@code create}, {@code get} or {@code cancel}
	 * @param httpStatus the hub's HTTP status, 0 when no answer came
	 * @param errorCode the hub's error code (e.g. {@code ArgumentInvalid} or
	 * {@code 400004}), or {@code IOError} when no answer came
	 * @param message the hub's message, readable
	 * @param cause the SDK's exception
	 */
	public HubCallException(String operation, int httpStatus, String errorCode, String message, Throwable cause) {
		super(message, cause);
		this.operation = operation;
		this.httpStatus = httpStatus;
		this.errorCode = errorCode;
	}

	public String operation() {
		return this.operation;
	}

	public int httpStatus() {
		return this.httpStatus;
	}

	public String errorCode() {
		return this.errorCode;
	}

	public boolean isConflict() {
		return this.httpStatus == 409;
	}

	public boolean isNotFound() {
		return this.httpStatus == 404;
	}

	public boolean isThrottled() {
		return this.httpStatus == 429;
	}

	/**
	 * The code of a failure without an HTTP answer: the request or answer never got
	 * through.
	 */
	public static final String IO_ERROR = "IOError";

	/**
	 * Whether trying again later may succeed: no answer (I/O), 408, 429 (throttled or the
	 * job quota is full) and 5xx. Everything else (400, 401, 403, 404, 412, ..., and an
	 * answer the SDK cannot read) is permanent.
	 */
	public boolean isTransient() {
		return (this.httpStatus == 0 && IO_ERROR.equals(this.errorCode)) || this.httpStatus == 408
				|| this.httpStatus == 429 || this.httpStatus >= 500;
	}

	/**
	 * The metric and log label of this failure: {@code throttled}, {@code server_error},
	 * {@code io_error}, {@code sdk_error}, {@code conflict}, {@code not_found} or
	 * {@code client_error}.
	 */
	public String kind() {
		if (this.httpStatus == 0) {
			return IO_ERROR.equals(this.errorCode) ? "io_error" : "sdk_error";
		}
		if (this.httpStatus == 429) {
			return "throttled";
		}
		if (this.httpStatus >= 500 || this.httpStatus == 408) {
			return "server_error";
		}
		if (this.httpStatus == 409) {
			return "conflict";
		}
		return (this.httpStatus == 404) ? "not_found" : "client_error";
	}

	/** {@code HTTP 400 ArgumentInvalid: <the hub's message>}, for reasons and logs. */
	public String describe() {
		if (KnownJobQuota.FULL.equals(this.errorCode)) {
			return getMessage();
		}
		String status = (this.httpStatus == 0) ? "no answer" : "HTTP " + this.httpStatus;
		return status + " " + this.errorCode + ": " + getMessage();
	}

}
