package dev.fleetjobs.emulator;

import java.io.PrintStream;

/**
 * The dev-only start banner: the owner connection string and the CA files, printed to the
 * console (never to the log), so that a user can point any SDK at the emulator.
 */
final class Banner {

	private Banner() {
	}

	static void print(IotHubEmulator hub) {
		PrintStream out = System.out;
		String host = hub.hostName();
		out.println();
		out.println("  ============================================================================");
		out.println("   FleetJobs IoT Hub emulator (DEV ONLY: these keys are for local use)");
		out.println("  ----------------------------------------------------------------------------");
		out.println("   REST + MQTT/WebSockets  https://" + host + ":" + hub.httpsPort());
		out.println("   MQTT over TLS           mqtts://" + host + ":" + hub.mqttPort());
		out.println("   Service host name       " + hub.serviceHostName() + "   (Java host-name constructors)");
		out.println("   Owner connection string " + hub.connectionString("iothubowner"));
		out.println("   CA certificate (PEM)    " + hub.caPemPath().toAbsolutePath());
		out.println("   CA trust store (PKCS12) " + hub.trustStorePath().toAbsolutePath() + "  password "
				+ hub.trustStorePassword());
		out.println("   Java service clients:   -Djavax.net.ssl.trustStore=" + hub.trustStorePath().toAbsolutePath()
				+ " -Djavax.net.ssl.trustStorePassword=" + hub.trustStorePassword());
		out.println("   Node clients:           NODE_EXTRA_CA_CERTS=" + hub.caPemPath().toAbsolutePath());
		out.println("   Tier profile            " + hub.tier()
				+ (hub.tier().unlimited() ? "   (no quotas; --tier S1 enforces S1's)" : "   (the hub's quotas apply)"));
		if (hub.adminPort() >= 0) {
			out.println(
					"   Admin API (loopback)    http://127.0.0.1:" + hub.adminPort() + "/admin   (owner SAS token)");
		}
		out.println("  ============================================================================");
		out.println();
	}

}
