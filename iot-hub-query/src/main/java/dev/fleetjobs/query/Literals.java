package dev.fleetjobs.query;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Query text from values: single-quoted string literals with {@code \ '} and control
 * characters escaped (so {@code o'brien} becomes {@code 'o\'brien'}), and the
 * {@code deviceId IN [...]} condition of a device list, which
 * {@link #deviceIdsOf(String)} reads back exactly.
 */
public final class Literals {

	private static final String IN_PREFIX = "deviceId IN [";

	private Literals() {
	}

	/** {@code deviceId IN ['a', 'b']}. */
	public static String deviceIdIn(List<String> deviceIds) {
		return deviceIds.stream().map(Literals::quote).collect(Collectors.joining(", ", IN_PREFIX, "]"));
	}

	/**
	 * The device ids of a condition written by {@link #deviceIdIn}, in order.
	 * @throws IllegalArgumentException when the condition is not of that form
	 */
	public static List<String> deviceIdsOf(String condition) {
		if (condition == null || !condition.startsWith(IN_PREFIX) || !condition.endsWith("]")) {
			throw new IllegalArgumentException("Not a deviceId IN [...] condition: " + condition);
		}
		List<String> ids = new ArrayList<>();
		int i = IN_PREFIX.length();
		int end = condition.length() - 1;
		while (i < end) {
			if (condition.charAt(i) != '\'') {
				throw new IllegalArgumentException("Expected a quoted device id at " + i + " of " + condition);
			}
			StringBuilder id = new StringBuilder();
			i++;
			while (i < end && condition.charAt(i) != '\'') {
				char c = condition.charAt(i);
				if (c == '\\' && i + 1 < end) {
					char escaped = condition.charAt(++i);
					switch (escaped) {
						case 'n' -> id.append('\n');
						case 'r' -> id.append('\r');
						case 't' -> id.append('\t');
						case 'u' -> {
							id.append((char) Integer.parseInt(condition.substring(i + 1, i + 5), 16));
							i += 4;
						}
						default -> id.append(escaped);
					}
				}
				else {
					id.append(c);
				}
				i++;
			}
			ids.add(id.toString());
			i++;
			if (i < end) {
				if (!condition.startsWith(", ", i)) {
					throw new IllegalArgumentException("Expected ', ' at " + i + " of " + condition);
				}
				i += 2;
			}
		}
		return ids;
	}

	/** A single-quoted string literal with {@code \ '} and control characters escaped. */
	public static String quote(String value) {
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
