package dev.fleetjobs.emulator.mqtt;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The hub's device topics (iot-hub-protocol.md §4): parsing what devices send, naming
 * what they get.
 */
final class DeviceTopics {

	private static final String METHOD_RESPONSE = "$iothub/methods/res/";

	private static final String TWIN_GET = "$iothub/twin/GET/";

	private static final String REPORTED_PATCH = "$iothub/twin/PATCH/properties/reported/";

	private DeviceTopics() {
	}

	/** What a device's PUBLISH asks for. */
	sealed interface Inbound permits MethodResponse, TwinGet, ReportedPatch, Telemetry, Unknown {

	}

	record MethodResponse(int status, String requestId) implements Inbound {
	}

	record TwinGet(String requestId) implements Inbound {
	}

	record ReportedPatch(String requestId) implements Inbound {
	}

	/**
	 * A device-to-cloud message; {@code propertyBag} is the topic after
	 * {@code messages/events/}, read only when the device asks for a test fault.
	 */
	record Telemetry(String propertyBag) implements Inbound {

		private static final String FAULT_TYPE = "AzIoTHub_FaultOperationType";

		/** The message's properties. */
		Map<String, String> properties() {
			return DeviceTopics.propertyBag(this.propertyBag);
		}

		/**
		 * The hub's test fault, e.g. {@code KillTcp} or {@code ShutDownMqtt}, or null.
		 */
		String faultOperation() {
			return this.propertyBag.contains(FAULT_TYPE) ? properties().get(FAULT_TYPE) : null;
		}

		/** When the fault is to happen, in seconds (the hub's default: at once). */
		int faultDelaySeconds() {
			try {
				return Math.max(0,
						Integer.parseInt(properties().getOrDefault("AzIoTHub_FaultOperationDelayInSecs", "0")));
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}

	}

	record Unknown(String reason) implements Inbound {
	}

	static Inbound parse(String topic, String deviceId) {
		if (topic.startsWith(METHOD_RESPONSE)) {
			String rest = topic.substring(METHOD_RESPONSE.length());
			int slash = rest.indexOf('/');
			String requestId = query(topic).get("$rid");
			if (slash <= 0 || requestId == null) {
				return new Unknown("a method response needs $iothub/methods/res/{status}/?$rid={id}");
			}
			try {
				return new MethodResponse(Integer.parseInt(rest.substring(0, slash)), requestId);
			}
			catch (NumberFormatException ex) {
				return new Unknown("the method response status is not a number");
			}
		}
		if (topic.startsWith(TWIN_GET)) {
			String requestId = query(topic).get("$rid");
			return (requestId != null) ? new TwinGet(requestId) : new Unknown("a twin GET needs ?$rid={id}");
		}
		if (topic.startsWith(REPORTED_PATCH)) {
			String requestId = query(topic).get("$rid");
			return (requestId != null) ? new ReportedPatch(requestId)
					: new Unknown("a reported patch needs ?$rid={id}");
		}
		String events = "devices/" + deviceId + "/messages/events";
		if (topic.startsWith(events + "/") || topic.equals(events)) {
			return new Telemetry(topic.substring(Math.min(topic.length(), events.length() + 1)));
		}
		return new Unknown("the topic is not one of the hub's device topics");
	}

	/**
	 * The subscription a topic filter stands for, or null when the hub has no such topic.
	 */
	static Subscription classify(String filter, String deviceId) {
		return switch (filter) {
			case "$iothub/methods/POST/#" -> Subscription.METHODS;
			case "$iothub/twin/res/#" -> Subscription.TWIN_RESPONSES;
			case "$iothub/twin/PATCH/properties/desired/#" -> Subscription.DESIRED;
			default ->
				filter.equals("devices/" + deviceId + "/messages/devicebound/#") ? Subscription.CLOUD_TO_DEVICE : null;
		};
	}

	static String methodRequest(String methodName, String requestId) {
		return "$iothub/methods/POST/" + methodName + "/?$rid=" + requestId;
	}

	/** A twin response; {@code $rid} comes before {@code $version}, as Java requires. */
	static String twinResponse(int status, String requestId, Long version) {
		return "$iothub/twin/res/" + status + "/?$rid=" + requestId + ((version != null) ? "&$version=" + version : "");
	}

	static String desiredPatch(long version) {
		return "$iothub/twin/PATCH/properties/desired/?$version=" + version;
	}

	/** The {@code ?key=value&...} part of a topic, keys and values URL-decoded. */
	static Map<String, String> query(String topic) {
		int question = topic.indexOf("/?");
		return (question < 0) ? new HashMap<>() : propertyBag(topic.substring(question + 2));
	}

	/** {@code a=1&b=2}, URL-encoded, as a map. */
	private static Map<String, String> propertyBag(String bag) {
		Map<String, String> result = new HashMap<>();
		for (String pair : bag.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				result.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
			}
		}
		return result;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}
