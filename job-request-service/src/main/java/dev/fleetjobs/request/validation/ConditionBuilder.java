package dev.fleetjobs.request.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.fleetjobs.query.Literals;

/**
 * Turns device id lists and tag filters into IoT Hub query conditions, quoting every
 * string with single quotes and escaping {@code \} and {@code '} (so {@code o'brien}
 * becomes {@code 'o\'brien'}).
 */
final class ConditionBuilder {

	private ConditionBuilder() {
	}

	/** {@code deviceId IN ['a', 'b']}. */
	static String deviceIdIn(List<String> deviceIds) {
		return deviceIds.stream().map(Literals::quote).collect(Collectors.joining(", ", "deviceId IN [", "]"));
	}

	/** {@code tags.building = 43 AND tags.floor = 3}, in the map's order. */
	static String tagsEqual(Map<String, Object> tags) {
		return tags.entrySet()
			.stream()
			.map((tag) -> "tags." + tag.getKey() + " = " + literal(tag.getValue()))
			.collect(Collectors.joining(" AND "));
	}

	/** A string, number or boolean as a query literal. */
	static String literal(Object value) {
		if (value instanceof String text) {
			return Literals.quote(text);
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		throw new IllegalArgumentException("Not a string, number or boolean: " + value);
	}

}
