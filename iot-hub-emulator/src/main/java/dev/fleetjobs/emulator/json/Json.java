package dev.fleetjobs.emulator.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

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
		if (instant == null) {
			return NEVER;
		}
		LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
		StringBuilder text = new StringBuilder(28);
		pad(text, utc.getYear(), 4).append('-');
		pad(text, utc.getMonthValue(), 2).append('-');
		pad(text, utc.getDayOfMonth(), 2).append('T');
		pad(text, utc.getHour(), 2).append(':');
		pad(text, utc.getMinute(), 2).append(':');
		pad(text, utc.getSecond(), 2).append('.');
		return pad(text, instant.getNano() / 100, 7).append('Z').toString();
	}

	/**
	 * Appends a number with leading zeros (formatting without DateTimeFormatter's
	 * garbage).
	 */
	private static StringBuilder pad(StringBuilder text, int value, int digits) {
		String number = Integer.toString(value);
		for (int i = number.length(); i < digits; i++) {
			text.append('0');
		}
		return text.append(number);
	}

	/** Sets an ISO-8601 instant field (as the store keeps times), unless it is null. */
	public static void putInstant(ObjectNode node, String field, Instant instant) {
		if (instant != null) {
			node.put(field, instant.toString());
		}
	}

	/** An ISO-8601 instant field written by {@link #putInstant}, or null. */
	public static Instant instant(JsonNode node, String field) {
		String text = string(node, field);
		return (text != null) ? Instant.parse(text) : null;
	}

	/** The string value of a field, or null when absent, null or not a string. */
	public static String string(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

}
