package dev.fleetjobs.support.hub;

/**
 * Lets the JVM keep enough idle HTTPS connections to the hub for every thread that calls
 * it at once. The service SDK calls the hub over {@link java.net.HttpURLConnection},
 * whose keep-alive cache holds at most {@code http.maxConnections} idle connections per
 * host (5 unless set). With more concurrent callers than that, each call past the fifth
 * closes its connection after use, and a later call opens a new one with a full TLS
 * handshake: on a busy 2-core machine that raised the executor's hub-call p99 from 45 ms
 * to 360 ms. The JVM reads the property once, when the first HTTP connection is made, so
 * this must run before anything connects (first thing in {@code main}).
 */
public final class HubKeepAlive {

	/** The property of the JDK's HTTP client this sets. */
	public static final String MAX_CONNECTIONS = "http.maxConnections";

	/**
	 * Idle connections per host for the services: more than the executor's listener
	 * threads and hub-call pool (12 + 8), or the status service's pollers and result
	 * readers, use at once.
	 */
	public static final int SERVICE_CONNECTIONS = 32;

	private HubKeepAlive() {
	}

	/**
	 * Sets {@code http.maxConnections} unless it was set already (e.g. with
	 * {@code -Dhttp.maxConnections=...}, which wins).
	 * @param connections idle connections to keep per host: at least the number of
	 * threads that call the hub at once
	 * @return the value in force
	 */
	public static int allow(int connections) {
		String given = System.getProperty(MAX_CONNECTIONS);
		if (given == null || given.isBlank()) {
			System.setProperty(MAX_CONNECTIONS, Integer.toString(connections));
			return connections;
		}
		return Integer.parseInt(given.trim());
	}

}
