package dev.fleetjobs.emulator.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.json.Json;
import dev.fleetjobs.emulator.methods.MethodRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jobs in the hub's JSON (iot-hub-protocol.md §1.6): reads a create body as the Java SDK
 * (explicit nulls) or the Node SDK (fields left out) sends it, and writes the
 * {@code JobResponse} the SDK parsers accept: REST statuses, {@code type}, and no
 * null-valued {@code cloudToDeviceMethod} or {@code updateTwin}.
 */
public final class JobJson {

	private JobJson() {
	}

	/** Reads a create body; wrong types are the hub's 400 naming the field. */
	public static JobDefinition definition(String jobId, ObjectNode body) {
		String bodyJobId = text(body, "jobId");
		if (bodyJobId != null && !bodyJobId.equals(jobId)) {
			throw IotHubErrors
				.argumentInvalid("jobId '" + bodyJobId + "' in the body differs from '" + jobId + "' in the path.");
		}
		String typeName = text(body, "type");
		JobType type = JobType.fromWire(typeName);
		if (type == null) {
			throw IotHubErrors.argumentInvalid("type must be scheduleDeviceMethod or scheduleUpdateTwin; it is "
					+ ((typeName != null) ? "'" + typeName + "'." : "missing."));
		}
		MethodRequest method = method(body.get("cloudToDeviceMethod"));
		ObjectNode patch = null;
		String etag = null;
		JsonNode updateTwin = body.get("updateTwin");
		if (updateTwin != null && !updateTwin.isNull()) {
			if (!(updateTwin instanceof ObjectNode twin)) {
				throw IotHubErrors.argumentInvalid("updateTwin must be a JSON object.");
			}
			patch = Json.object();
			copy(twin, patch, "tags");
			JsonNode properties = twin.get("properties");
			if (properties instanceof ObjectNode props) {
				ObjectNode target = patch.putObject("properties");
				copy(props, target, "desired");
				copy(props, target, "reported");
			}
			else if (properties != null && !properties.isNull()) {
				throw IotHubErrors.argumentInvalid("updateTwin.properties must be a JSON object.");
			}
			etag = (text(twin, "etag") != null) ? text(twin, "etag") : "*";
		}
		return new JobDefinition(jobId, type, text(body, "queryCondition"), startTime(body.get("startTime")),
				seconds(body, "maxExecutionTimeInSeconds", 0), method, patch, etag);
	}

	/** The {@code JobResponse} of a job. */
	public static ObjectNode json(JobView job) {
		ObjectNode json = definitionJson(job.definition());
		json.put("status", job.status().wireName());
		json.put("createdTime", Json.time(job.createdTime()));
		json.put("startTime", Json.time(job.startTime()));
		if (job.endTime() != null) {
			json.put("endTime", Json.time(job.endTime()));
		}
		if (job.failureReason() != null) {
			json.put("failureReason", job.failureReason());
		}
		JobStatistics statistics = job.statistics();
		json.putObject("deviceJobStatistics")
			.put("deviceCount", statistics.deviceCount())
			.put("failedCount", statistics.failedCount())
			.put("succeededCount", statistics.succeededCount())
			.put("runningCount", statistics.runningCount())
			.put("pendingCount", statistics.pendingCount());
		return json;
	}

	/** The definition in the create body's own shape (also how the store keeps it). */
	static ObjectNode definitionJson(JobDefinition definition) {
		ObjectNode json = Json.object();
		json.put("jobId", definition.jobId());
		json.put("type", definition.type().wireName());
		if (definition.queryCondition() != null) {
			json.put("queryCondition", definition.queryCondition());
		}
		if (definition.startTime() != null) {
			json.put("startTime", Json.time(definition.startTime()));
		}
		json.put("maxExecutionTimeInSeconds", definition.maxExecutionTimeInSeconds());
		if (definition.method() != null) {
			MethodRequest method = definition.method();
			ObjectNode c2d = json.putObject("cloudToDeviceMethod");
			c2d.put("methodName", method.methodName());
			c2d.set("payload", method.payload());
			c2d.put("responseTimeoutInSeconds", method.responseTimeout().toSeconds());
			c2d.put("connectTimeoutInSeconds", method.connectTimeout().toSeconds());
		}
		if (definition.twinPatch() != null) {
			ObjectNode twin = json.putObject("updateTwin");
			twin.put("etag", definition.etag());
			JsonNode tags = definition.twinPatch().get("tags");
			twin.set("tags", (tags instanceof ObjectNode) ? tags.deepCopy() : Json.object());
			JsonNode desired = definition.twinPatch().path("properties").get("desired");
			twin.putObject("properties")
				.set("desired", (desired instanceof ObjectNode) ? desired.deepCopy() : Json.object());
		}
		return json;
	}

	private static MethodRequest method(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!(node instanceof ObjectNode c2d)) {
			throw IotHubErrors.argumentInvalid("cloudToDeviceMethod must be a JSON object.");
		}
		JsonNode name = c2d.get("methodName");
		if (name != null && !name.isNull() && !name.isString()) {
			throw IotHubErrors.argumentInvalid("cloudToDeviceMethod.methodName must be a string.");
		}
		long response = seconds(c2d, "responseTimeoutInSeconds", MethodRequest.DEFAULT_RESPONSE_TIMEOUT.toSeconds());
		long connect = seconds(c2d, "connectTimeoutInSeconds", 0);
		return new MethodRequest((name != null && !name.isNull()) ? name.asString() : null, c2d.get("payload"),
				Duration.ofSeconds(response), Duration.ofSeconds(connect));
	}

	private static void copy(ObjectNode from, ObjectNode to, String field) {
		JsonNode value = from.get(field);
		if (value != null && !value.isNull()) {
			to.set(field, value);
		}
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw IotHubErrors.argumentInvalid(field + " must be a string.");
		}
		return value.asString();
	}

	private static long seconds(JsonNode body, String field, long absent) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return absent;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw IotHubErrors.argumentInvalid(field + " must be a whole number of seconds; it is " + value + ".");
		}
		return value.asLong();
	}

	/** ISO-8601; without an offset (as Python's isoformat writes it) it is UTC. */
	static Instant startTime(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		String text = node.isString() ? node.asString().trim() : "";
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException again) {
				throw IotHubErrors.argumentInvalid(
						"startTime " + node + " is not an ISO-8601 date and time, e.g. " + "2024-01-01T00:00:00.000Z.");
			}
		}
	}

}
