package dev.fleetjobs.status.results;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code devices.jobs} record (iot-hub-protocol.md §1.8) as a {@link DeviceResult}: the
 * device's own method answer from {@code outcome.deviceMethodResponse} (or, from an
 * emulator writing records for the Java 2.1.9 SDK, from {@code cloudToDeviceMethod}), the
 * hub's {@code error}, and its UTC times (which may lack the {@code Z}).
 */
final class DeviceRecordParser {

	private static final String NEVER = "0001-01-01";

	private final JsonMapper json;

	DeviceRecordParser(JsonMapper json) {
		this.json = json;
	}

	DeviceResult parse(String record, String jobId, JobType jobType) {
		return parse(this.json.readTree(record), jobId, jobType);
	}

	DeviceResult parse(JsonNode node, String jobId, JobType jobType) {
		JsonNode answer = node.path("outcome").path("deviceMethodResponse");
		if (!answer.isObject() && node.path("cloudToDeviceMethod").has("status")) {
			answer = node.path("cloudToDeviceMethod");
		}
		Integer methodStatus = answer.path("status").canConvertToInt() ? answer.path("status").asInt() : null;
		Object payload = (answer.isObject() && answer.has("payload") && !answer.path("payload").isNull())
				? this.json.treeToValue(answer.path("payload"), Object.class) : null;
		JsonNode error = node.path("error");
		String errorCode = text(error.path("code"));
		String errorDescription = text(error.path("description"));
		DeviceJobStatus status;
		try {
			status = DeviceJobStatus.fromHub(node.path("status").asString("unknown"));
		}
		catch (IllegalArgumentException ex) {
			status = DeviceJobStatus.FAILED;
			errorDescription = "unknown device job status '" + node.path("status").asString() + "'";
		}
		return new DeviceResult(jobId, node.path("deviceId").asString(), jobType, status, methodStatus, payload,
				errorCode, errorDescription, time(node.path("startTimeUtc")), time(node.path("endTimeUtc")),
				time(node.path("lastUpdatedDateTimeUtc")));
	}

	private static String text(JsonNode node) {
		return (node.isMissingNode() || node.isNull()) ? null : node.asString();
	}

	/** ISO-8601, assumed UTC when it carries no zone; "never" and garbage are null. */
	static Instant time(JsonNode node) {
		String value = text(node);
		if (value == null || value.isBlank() || value.startsWith(NEVER)) {
			return null;
		}
		String upper = value.toUpperCase(Locale.ROOT);
		boolean zoned = upper.endsWith("Z") || upper.matches(".*[+-]\\d\\d:?\\d\\d$");
		try {
			return zoned ? java.time.OffsetDateTime.parse(value).toInstant() : Instant.parse(value + "Z");
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
