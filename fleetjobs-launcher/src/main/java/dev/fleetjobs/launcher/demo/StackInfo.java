package dev.fleetjobs.launcher.demo;

import java.io.PrintStream;

import dev.fleetjobs.launcher.stack.StackPorts;
import dev.fleetjobs.launcher.stack.StackShape;
import dev.fleetjobs.launcher.stack.StackSettings;

/** Prints where everything of a local run is, the API key, and a curl to try. */
public final class StackInfo {

	private StackInfo() {
	}

	public static void print(StackSettings settings, PrintStream out) {
		StackPorts p = settings.ports();
		String request = "http://localhost:" + p.requestService();
		String status = "http://localhost:" + p.statusService();
		out.println();
		out.println("FleetJobs is running. Run folder: " + settings.run().root() + " (logs/, data/)");
		out.println();
		row(out, "Submit jobs (REST)", request + "/api/jobs");
		row(out, "Swagger UI (requests)", request + "/swagger-ui.html");
		row(out, "Read API", status + "/api/jobs   and   " + status + "/api/jobs/{jobId}/devices");
		row(out, "Live progress (SSE)", status + "/api/jobs/{jobId}/stream");
		row(out, "Swagger UI (status)", status + "/swagger-ui.html");
		row(out, "Metrics", "http://localhost:" + p.requestManagement() + "/actuator/prometheus  (also :"
				+ p.executorService() + ", :" + p.statusManagement() + ", :" + p.simulator() + ")");
		row(out, "Health", "http://localhost:" + p.requestManagement() + "/actuator/health/readiness  (same ports)");
		row(out, "Kafka", settings.bootstrapServers() + "  (topics fleetjobs.*"
				+ ((settings.shape().brokers() > 1) ? ", replication factor 3, min.insync.replicas 2)" : ")"));
		for (int instance = 2; instance <= settings.shape().instances(); instance++) {
			int shift = (instance - 1) * StackShape.INSTANCE_PORT_STEP;
			row(out, "Instance " + instance,
					"REST :" + (p.requestService() + shift) + ", executor :" + (p.executorService() + shift)
							+ ", read API :" + (p.statusService() + shift) + ", management :"
							+ (p.requestManagement() + shift) + " and :" + (p.statusManagement() + shift));
		}
		row(out, "IoT Hub emulator", "https://localhost:" + p.emulatorHttps() + "  mqtts://localhost:"
				+ p.emulatorMqtt() + "  admin http://127.0.0.1:" + p.emulatorAdmin() + "/admin");
		row(out, "Hub CA certificate", settings.run().data("iot-hub-emulator").resolve("ca.pem").toString());
		out.println();
		out.println("API key (scopes jobs:submit, jobs:cancel, jobs:read; also in "
				+ settings.run().root().resolve("secrets.properties") + "):");
		out.println("  export FLEETJOBS_API_KEY=" + settings.apiKey());
		out.println();
		out.println("Submit another job:");
		out.println("  curl -s -X POST " + request + "/api/jobs -H \"X-API-Key: $FLEETJOBS_API_KEY\" \\");
		out.println("    -H 'Content-Type: application/json' -d '{\"requestId\":\"my-first-job\",");
		out.println("    \"target\":{\"queryCondition\":\"tags.building = 7\"},");
		out.println("    \"action\":{\"directMethod\":{\"methodName\":\"unlockDoor\",\"payload\":{}}}}'");
		out.println("  curl -s " + status + "/api/jobs/<jobId> -H \"X-API-Key: $FLEETJOBS_API_KEY\"");
		out.println();
	}

	private static void row(PrintStream out, String what, String where) {
		out.printf("  %-24s %s%n", what, where);
	}

}
