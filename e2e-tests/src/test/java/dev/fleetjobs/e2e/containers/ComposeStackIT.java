package dev.fleetjobs.e2e.containers;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.e2e.support.E2eStack;
import dev.fleetjobs.e2e.support.TopicTail;
import dev.fleetjobs.launcher.demo.DemoJobs;
import dev.fleetjobs.launcher.demo.JobsApi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo flow against the root {@code docker-compose.yml}, images built from this
 * checkout: submit the tutorial's lockDoor job with the compose dev API key and wait
 * until the read API says COMPLETED with every result out. Skipped, with a message, where
 * no Docker engine exists.
 */
class ComposeStackIT {

	/**
	 * The well-known development key of docker-compose.yml (its SHA-256 is in the file).
	 */
	private static final String DEV_API_KEY = "fleetjobs-local-dev-key";

	private static final String REQUEST = "job-request-service";

	private static final String STATUS = "job-status-service";

	@Test
	void givenTheComposeStack_whenTheDemoLockDoorJobIsSubmitted_thenTheReadApiReportsItCompletedForEveryDoor()
			throws Exception {
		Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
				"No Docker engine: ComposeStackIT (docker-compose.yml under Testcontainers) is skipped; "
						+ "the same flow runs as processes in EndToEndIT");
		File compose = E2eStack.projectRoot().resolve("docker-compose.yml").toFile();
		try (ComposeContainer system = new ComposeContainer(compose).withBuild(true)
			.withEnv("FLEETJOBS_DEVICES", "200")
			.withServices("kafka", "iot-hub-emulator", REQUEST, "job-executor-service", STATUS, "device-simulator-0",
					"device-simulator-1")
			.withExposedService(REQUEST, 8081)
			.withExposedService(STATUS, 8083)
			// health on the management ports
			.withExposedService(REQUEST, 8091, Wait.forHttp("/actuator/health/readiness").forStatusCode(200))
			.withExposedService(STATUS, 8093, Wait.forHttp("/actuator/health/readiness").forStatusCode(200))
			.withRemoveVolumes(true)
			.withStartupTimeout(Duration.ofMinutes(15))) {
			system.start();
			String request = url(system, REQUEST, 8081);
			String status = url(system, STATUS, 8083);
			// 200 devices over 50 buildings and 4 floors: one door on floor 1 of building
			// 1.
			String jobId = new JobsApi(request, DEV_API_KEY)
				.submit(DemoJobs.lockDoor("compose-" + Instant.now().toEpochMilli(), Map.of("building", 1)));

			await("the read API reports the job completed").atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> "COMPLETED".equals(progress(status, jobId).path("status").asString())
						&& progress(status, jobId).path("resultsComplete").asBoolean());

			JsonNode last = progress(status, jobId);
			assertThat(last.path("statistics").path("deviceCount").asInt()).isPositive();
			assertThat(last.path("statistics").path("succeededCount").asInt())
				.isEqualTo(last.path("statistics").path("deviceCount").asInt());
			assertThat(last.path("statistics").path("failedCount").asInt()).isZero();
		}
	}

	private static String url(ComposeContainer system, String service, int port) {
		return "http://" + system.getServiceHost(service, port) + ":" + system.getServicePort(service, port);
	}

	private static JsonNode progress(String statusUrl, String jobId) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(statusUrl + "/api/jobs/" + jobId))
				.header("X-API-Key", DEV_API_KEY)
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			return TopicTail.JSON.createObjectNode();
		}
		return TopicTail.JSON.readTree(response.body()).path("progress");
	}

}
