package dev.fleetjobs.simulator.acceptance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.microsoft.azure.sdk.iot.service.methods.DirectMethodRequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.fleetjobs.simulator.SimulatorApplication;
import dev.fleetjobs.simulator.fleet.FleetLayout;
import dev.fleetjobs.simulator.fleet.Shard;
import dev.fleetjobs.simulator.fleet.SimulatedDevice;
import dev.fleetjobs.simulator.support.Fleets;
import dev.fleetjobs.simulator.support.TestHub;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app as it runs in a container, against the test emulator: configured by properties
 * and {@code --shard}, health with devices connected and expected, Prometheus metrics, no
 * secrets on any endpoint, and every device disconnected on shutdown.
 */
class SimulatorApplicationIntegrationTests {

	private static final TestHub hub = TestHub.get();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static ConfigurableApplicationContext app;

	private static String base;

	@BeforeAll
	static void startApp() {
		app = new SpringApplicationBuilder(SimulatorApplication.class).run("--server.port=0", "--shard=1/2",
				"--fleetjobs.simulator.hub.connection-string=" + hub.emulator().connectionString("iothubowner"),
				"--fleetjobs.simulator.hub.https-port=" + hub.emulator().httpsPort(),
				"--fleetjobs.simulator.hub.mqtt-port=" + hub.emulator().mqttPort(),
				"--fleetjobs.simulator.hub.ca-certificate=" + hub.emulator().caPemPath(),
				"--fleetjobs.simulator.engine.kind=light", "--fleetjobs.simulator.engine.transport=mqtt",
				"--fleetjobs.simulator.fleet.count=9", "--fleetjobs.simulator.fleet.id-pattern=app-{n}",
				"--fleetjobs.simulator.fleet.tags.fleet=app", "--fleetjobs.simulator.log.summary-interval=1s");
		base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	@AfterAll
	static void stopApp() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void runsItsShardOnlyAndHealthSaysHowManyAreConnected() throws Exception {
		// Given shard 1/2 of 9 devices: positions 1, 3, 5, 7
		List<String> shard = new FleetLayout(Fleets.profile("x", 9, 10, 5)).devices(new Shard(1, 2))
			.stream()
			.map(SimulatedDevice::position)
			.map((position) -> "app-" + (position + 1))
			.toList();

		// When / Then
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200));
		JsonNode fleet = JsonMapper.builder()
			.build()
			.readTree(get("/actuator/health").body())
			.path("components")
			.path("fleet");
		assertThat(fleet.path("status").asString()).isEqualTo("UP");
		assertThat(fleet.path("details").path("connected").asInt()).isEqualTo(4);
		assertThat(fleet.path("details").path("expected").asInt()).isEqualTo(4);
		assertThat(fleet.path("details").path("shard").asString()).isEqualTo("1/2");
		assertThat(shard).containsExactly("app-2", "app-4", "app-6", "app-8");
		for (String deviceId : shard) {
			assertThat(hub.emulator().sessions().isConnected(deviceId)).as(deviceId).isTrue();
		}
		assertThat(hub.emulator().registry().find("app-1")).isNull();
	}

	@Test
	void prometheusShowsConnectedDevicesAndMethodsByNameAndStatus() throws Exception {
		// Given
		await().atMost(Duration.ofSeconds(30)).until(() -> hub.emulator().sessions().isConnected("app-2"));
		DirectMethodRequestOptions options = DirectMethodRequestOptions.builder()
			.methodResponseTimeoutSeconds(10)
			.build();

		// When
		hub.methods().invoke("app-2", "lockDoor", options);
		hub.methods().invoke("app-2", "selfDestruct", options);

		// Then
		String metrics = get("/actuator/prometheus").body();
		assertThat(metrics).contains("fleetjobs_simulator_devices_connected 4.0")
			.contains("fleetjobs_simulator_devices_expected 4.0")
			.containsPattern(
					"fleetjobs_simulator_methods_total\\{[^}]*method=\"lockDoor\"[^}]*status=\"200\"[^}]*} 1.0")
			.containsPattern("fleetjobs_simulator_methods_total\\{[^}]*method=\"other\"[^}]*status=\"404\"[^}]*} 1.0")
			.contains("fleetjobs_simulator_reconnects_total")
			.contains("fleetjobs_simulator_desired_patches_applied_total");
	}

	@Test
	void noEndpointShowsAKeyAndNothingElseIsExposed() throws Exception {
		String key = hub.emulator().connectionString("iothubowner").replaceAll(".*SharedAccessKey=", "");
		for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/info", "/actuator")) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).doesNotContain(key).doesNotContain("SharedAccessSignature");
		}
		assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/configprops").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/shutdown").statusCode()).isEqualTo(404);
	}

	private static HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
