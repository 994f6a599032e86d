package dev.fleetjobs.request.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
		return deviceIds.stream().map(ConditionBuilder::quote).collect(Collectors.joining(", ", "deviceId IN [", "]"));
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
			return quote(text);
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		throw new IllegalArgumentException("Not a string, number or boolean: " + value);
	}

	/**
	 * A single-quoted string literal with {@code \ ' } and control characters escaped.
	 */
	static String quote(String value) {
		StringBuilder quoted = new StringBuilder(value.length() + 2).append('\'');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> quoted.append("\\\\");
				case '\'' -> quoted.append("\\'");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('\'').toString();
	}

}
