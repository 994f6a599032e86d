package dev.fleetjobs.simulator.hub;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code Key=Value;Key=Value} connection strings; error messages never echo them.
 */
final class ConnectionStrings {

	private ConnectionStrings() {
	}

	/** The fields by lower-case name; values may contain '='. */
	static Map<String, String> parse(String connectionString, String what) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String part : connectionString.split(";")) {
			if (part.isBlank()) {
				continue;
			}
			int equals = part.indexOf('=');
			if (equals < 1) {
				throw new IllegalArgumentException(what + " is not a connection string of Key=Value pairs");
			}
			fields.put(part.substring(0, equals).trim().toLowerCase(Locale.ROOT), part.substring(equals + 1).trim());
		}
		return fields;
	}

	static String require(Map<String, String> fields, String name, String what) {
		String value = fields.get(name.toLowerCase(Locale.ROOT));
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException(what + " has no " + name);
		}
		return value;
	}

}
