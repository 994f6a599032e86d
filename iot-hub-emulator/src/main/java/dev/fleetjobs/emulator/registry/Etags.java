package dev.fleetjobs.emulator.registry;

import dev.fleetjobs.emulator.errors.IotHubErrors;

/**
 * If-Match as the SDKs send it: Java unquoted, Node quoted; {@code *} matches anything.
 */
public final class Etags {

	private Etags() {
	}

	/** The etag without surrounding quotes; null when blank (no condition). */
	public static String normalize(String etag) {
		if (etag == null || etag.isBlank()) {
			return null;
		}
		String trimmed = etag.trim();
		if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
			trimmed = trimmed.substring(1, trimmed.length() - 1);
		}
		return trimmed;
	}

	/** Throws the hub's 412 when If-Match names another etag than the current one. */
	public static void check(String ifMatch, String current, String what) {
		String expected = normalize(ifMatch);
		if (expected != null && !expected.equals("*") && !expected.equals(current)) {
			throw IotHubErrors
				.preconditionFailed("The etag '" + expected + "' does not match the current etag of " + what + ".");
		}
	}

}
