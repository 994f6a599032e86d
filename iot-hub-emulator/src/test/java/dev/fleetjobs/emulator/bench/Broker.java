package dev.fleetjobs.emulator.bench;

/**
 * What differs between the two targets of the benchmark: the device topics and login. The
 * emulator speaks the hub's topics and SAS login; mosquitto gets the same
 * request/response pattern on per-device topics.
 */
interface Broker {

	String name();

	String host();

	int mqttPort();

	String username(String deviceId);

	String password(String deviceId);

	/** The filter a device subscribes to for requests. */
	String requestFilter(String deviceId);

	/** The topic a device answers a request on. */
	String responseTopic(String deviceId, String requestTopic);

	/** The operating-system process of the broker, for CPU and memory figures. */
	long pid();

	static String requestId(String topic) {
		int rid = topic.indexOf("$rid=");
		int end = topic.indexOf('&', rid);
		return topic.substring(rid + 5, (end < 0) ? topic.length() : end);
	}

}
