package dev.fleetjobs.emulator.errors;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place that knows the hub's error codes and body formats (see
 * iot-hub-protocol.md §2). The SDKs parse these bodies into their typed exceptions.
 */
public final class IotHubErrors {

	private static final DateTimeFormatter TRACKING_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");

	private IotHubErrors() {
	}

	public static IotHubErrorException argumentInvalid(String message) {
		return flat(400, 400004, "ArgumentInvalid", message);
	}

	public static IotHubErrorException argumentNull(String message) {
		return flat(400, 400005, "ArgumentNull", message);
	}

	public static IotHubErrorException badQuery(String message) {
		return flat(400, 400004, "ArgumentInvalid",
				"The query is invalid. Please check the format of the query and try again. " + message);
	}

	public static IotHubErrorException unauthorized(String message) {
		return flat(401, 401002, "IotHubUnauthorizedAccess", message);
	}

	public static IotHubErrorException deviceNotFound(String deviceId) {
		return flat(404, 404001, "DeviceNotFound", "Device " + deviceId + " not found.");
	}

	public static IotHubErrorException notFound(String what) {
		return flat(404, 404000, "NotFound", what + " not found.");
	}

	public static IotHubErrorException deviceAlreadyExists(String deviceId) {
		return flat(409, 409001, "DeviceAlreadyExists", "A device with ID '" + deviceId + "' is already registered.");
	}

	public static IotHubErrorException conflict(int code, String name, String message) {
		return flat(409, code, name, message);
	}

	public static IotHubErrorException preconditionFailed(String message) {
		return flat(412, 412001, "PreconditionFailed", message);
	}

	public static IotHubErrorException messageTooLarge(String message) {
		return flat(413, 413001, "MessageTooLarge", message);
	}

	public static IotHubErrorException throttled(String message) {
		return flat(429, 429001, "ThrottlingException", message);
	}

	/** The tier's concurrent-job quota is full (the name the hub sends). */
	public static IotHubErrorException tooManyActiveJobs(String message) {
		return flat(429, 429001, "ThrottlingMaxActiveJobCountExceeded", message);
	}

	public static IotHubErrorException jobNotFound(String jobId) {
		return flat(404, 404002, "JobNotFound", "Job " + jobId + " not found.");
	}

	public static IotHubErrorException jobAlreadyExists(String jobId) {
		return flat(409, 409002, "JobAlreadyExists", "A job with ID '" + jobId + "' already exists.");
	}

	/** An operation on something in a state that does not allow it (a finished job). */
	public static IotHubErrorException notAllowedInCurrentState(String message) {
		return flat(400, 400009, "OperationNotAllowedInCurrentState", message);
	}

	public static IotHubErrorException serverError(String message) {
		return flat(500, 500001, "ServerError", message);
	}

	public static IotHubErrorException notImplemented(String operation) {
		return flat(501, 501001, "NotImplemented", "The IoT Hub emulator does not implement " + operation + ".");
	}

	public static IotHubErrorException serviceUnavailable(String message) {
		return flat(503, 503001, "ServiceUnavailable", message);
	}

	/** A direct method found no connected device within the connect timeout. */
	public static IotHubErrorException deviceNotOnline(Duration connectTimeout) {
		return new IotHubErrorException(404, 404103, "DeviceNotOnline", "Timed out waiting for device to connect.",
				true, "{\"timeout\":\"" + timeSpan(connectTimeout) + "\"}");
	}

	/** A connected device did not answer a direct method in time. */
	public static IotHubErrorException gatewayTimeout() {
		return new IotHubErrorException(504, 504101, "GatewayTimeout",
				"Timed out waiting for the response from device.", true, "{}");
	}

	/** The body the hub sends for this error, in the format the SDKs parse. */
	public static ObjectNode body(IotHubErrorException error) {
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
		String trackingId = UUID.randomUUID().toString().replace("-", "");
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		if (error.nested()) {
			String inner = "{\"errorCode\":" + error.errorCode() + ",\"trackingId\":\"" + trackingId + "-G:0-TimeStamp:"
					+ TRACKING_TIME.format(now) + "\",\"message\":" + quote(error.getMessage()) + ",\"info\":"
					+ error.info() + ",\"timestampUtc\":\"" + now.toInstant() + "\"}";
			body.put("Message", inner);
			body.put("ExceptionMessage", "");
		}
		else {
			body.put("Message", "ErrorCode:" + error.errorName() + ";" + error.getMessage());
			body.put("ExceptionMessage", "Tracking ID:" + trackingId + "-G:0-TimeStamp:" + TRACKING_TIME.format(now));
		}
		return body;
	}

	/** The body of an error answered on a device's twin response topic. */
	public static ObjectNode deviceBody(IotHubErrorException error) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("errorCode", error.errorCode());
		body.put("message", error.getMessage());
		return body;
	}

	private static IotHubErrorException flat(int status, int code, String name, String message) {
		return new IotHubErrorException(status, code, name, message, false, null);
	}

	private static String quote(String text) {
		return JsonNodeFactory.instance.stringNode(text).toString();
	}

	private static String timeSpan(Duration duration) {
		long seconds = duration.toSeconds();
		return String.format("%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
	}

}
