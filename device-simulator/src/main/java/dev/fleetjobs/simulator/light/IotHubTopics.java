package dev.fleetjobs.simulator.light;

/**
 * The hub's device topics (iot-hub-protocol.md §4.5, §4.6): what a device subscribes to,
 * publishes to, and how the hub's topics are read.
 */
final class IotHubTopics {

	static final String METHODS = "$iothub/methods/POST/#";

	static final String TWIN_RESPONSES = "$iothub/twin/res/#";

	static final String DESIRED = "$iothub/twin/PATCH/properties/desired/#";

	private static final String METHOD_PREFIX = "$iothub/methods/POST/";

	private static final String RESPONSE_PREFIX = "$iothub/twin/res/";

	private static final String DESIRED_PREFIX = "$iothub/twin/PATCH/properties/desired/";

	private IotHubTopics() {
	}

	static String methodResponse(int status, String requestId) {
		return "$iothub/methods/res/" + status + "/?$rid=" + requestId;
	}

	static String twinGet(String requestId) {
		return "$iothub/twin/GET/?$rid=" + requestId;
	}

	static String reportedPatch(String requestId) {
		return "$iothub/twin/PATCH/properties/reported/?$rid=" + requestId;
	}

	/** Reads a topic the hub publishes to a device; unknown topics give kind OTHER. */
	static Incoming parse(String topic) {
		if (topic.startsWith(METHOD_PREFIX)) {
			String rest = topic.substring(METHOD_PREFIX.length());
			int slash = rest.indexOf('/');
			String name = (slash < 0) ? rest : rest.substring(0, slash);
			String requestId = (slash < 0) ? null : query(rest.substring(slash + 1), "$rid");
			return new Incoming(Kind.METHOD, name, requestId, 0, -1);
		}
		if (topic.startsWith(RESPONSE_PREFIX)) {
			String rest = topic.substring(RESPONSE_PREFIX.length());
			int slash = rest.indexOf('/');
			int status = parseInt((slash < 0) ? rest : rest.substring(0, slash), -1);
			String query = (slash < 0) ? "" : rest.substring(slash + 1);
			return new Incoming(Kind.TWIN_RESPONSE, null, query(query, "$rid"), status,
					parseLong(query(query, "$version"), -1));
		}
		if (topic.startsWith(DESIRED_PREFIX)) {
			return new Incoming(Kind.DESIRED, null, null, 0,
					parseLong(query(topic.substring(DESIRED_PREFIX.length()), "$version"), -1));
		}
		return new Incoming(Kind.OTHER, null, null, 0, -1);
	}

	/** A value of a {@code ?a=1&b=2} segment, or null. */
	private static String query(String segment, String name) {
		String query = segment.startsWith("?") ? segment.substring(1) : segment;
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && pair.substring(0, equals).equals(name)) {
				return pair.substring(equals + 1);
			}
		}
		return null;
	}

	private static int parseInt(String text, int fallback) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private static long parseLong(String text, long fallback) {
		if (text == null) {
			return fallback;
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	/** Kinds of hub-to-device topics. */
	enum Kind {

		METHOD, TWIN_RESPONSE, DESIRED, OTHER

	}

	/**
	 * A parsed topic: a method call (name, request id), a twin response (status, request
	 * id, version) or a desired-properties notification (version).
	 */
	record Incoming(Kind kind, String methodName, String requestId, int status, long version) {
	}

}
