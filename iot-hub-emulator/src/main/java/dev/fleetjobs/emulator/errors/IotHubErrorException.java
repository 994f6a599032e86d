package dev.fleetjobs.emulator.errors;

/**
 * An error the emulator answers with, in the hub's own terms: the HTTP status, the
 * numeric error code and its name (for the {@code iothub-errorcode} header). Create
 * instances through {@link IotHubErrors}.
 */
public final class IotHubErrorException extends RuntimeException {

	private final int httpStatus;

	private final int errorCode;

	private final String errorName;

	private final boolean nested;

	private final String info;

	IotHubErrorException(int httpStatus, int errorCode, String errorName, String message, boolean nested, String info) {
		super(message, null, false, false);
		this.httpStatus = httpStatus;
		this.errorCode = errorCode;
		this.errorName = errorName;
		this.nested = nested;
		this.info = info;
	}

	public int httpStatus() {
		return this.httpStatus;
	}

	public int errorCode() {
		return this.errorCode;
	}

	public String errorName() {
		return this.errorName;
	}

	/**
	 * Whether the body nests a JSON error object in {@code Message}, as the hub does for
	 * direct-method errors (404103, 504101).
	 */
	public boolean nested() {
		return this.nested;
	}

	/** The {@code info} object of a nested error body, as JSON text. */
	public String info() {
		return this.info;
	}

}
