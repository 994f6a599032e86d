package dev.fleetjobs.emulator.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.fleetjobs.emulator.errors.IotHubErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The emulator's one JSON mapper and the hub's date format. */
public final class Json {

	/** "Never", as the hub writes it. */
	public static final String NEVER = "0001-01-01T00:00:00Z";

	private static final DateTimeFormatter HUB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	public static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
			.build())
		.build();

	private Json() {
	}

	public static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	/** Parses a request body; malformed JSON becomes the hub's 400. */
	public static JsonNode parse(byte[] body) {
		if (body == null || body.length == 0) {
			throw IotHubErrors.argumentNull("The request body is empty; a JSON document was expected.");
		}
		try {
			return MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw IotHubErrors.argumentInvalid("The request body is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	/** Parses a request body that must be a JSON object. */
	public static ObjectNode parseObject(byte[] body) {
		JsonNode node = parse(body);
		if (!(node instanceof ObjectNode object)) {
			throw IotHubErrors.argumentInvalid("The request body must be a JSON object.");
		}
		return object;
	}

	public static JsonNode read(String text) {
		return MAPPER.readTree(text);
	}

	public static byte[] bytes(JsonNode node) {
		return MAPPER.writeValueAsBytes(node);
	}

	public static String text(JsonNode node) {
		return MAPPER.writeValueAsString(node);
	}

	/** A time in the hub's format: UTC with seven fraction digits. */
	public static String time(Instant instant) {
		return (instant != null) ? HUB_TIME.format(instant) : NEVER;
	}

	/** The string value of a field, or null when absent, null or not a string. */
	public static String string(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

}
