package dev.fleetjobs.e2e.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fleetjobs.e2e.support.E2eStack;
import dev.fleetjobs.e2e.support.Jobs;
import dev.fleetjobs.e2e.support.TopicTail;
import dev.fleetjobs.launcher.demo.DemoJobs;
import dev.fleetjobs.launcher.stack.LocalStack;
import dev.fleetjobs.launcher.stack.StackPorts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the Grafana dashboard queries exists in what the running services expose
 * on /actuator/prometheus once a job and a rollout ran, so no panel of the docker-compose
 * stack stays empty.
 */
class DashboardMetricsIT {

	private static final Pattern METRIC = Pattern
		.compile("\\b((?:fleetjobs|kafka|spring|http|jvm|process)_[a-z0-9_]+)");

	@Test
	void givenTheSystemRanAJob_whenTheDashboardsQueriesAreRead_thenEveryMetricTheyNameIsExposedByAService()
			throws Exception {
		LocalStack stack = E2eStack.get();
		try (Jobs jobs = new Jobs(stack)) {
			String jobId = jobs.submit(DemoJobs.lockDoor("e2e-metrics-" + Instant.now().toEpochMilli(),
					Map.of("building", 9, "floor", 2)));
			String rolloutId = jobs.submit(DemoJobs.rollout("e2e-metrics-rollout-" + Instant.now().toEpochMilli(),
					Map.of("building", 9, "floor", 1)));
			jobs.awaitFinal(jobId, Duration.ofSeconds(90));
			jobs.awaitFinal(rolloutId, Duration.ofSeconds(90));
		}
		Set<String> queried = dashboardMetrics(E2eStack.projectRoot().resolve("ops/grafana/dashboards/fleetjobs.json"));
		StackPorts ports = stack.settings().ports();
		StringBuilder exposed = new StringBuilder();
		for (int port : ports.actuatorPorts()) {
			exposed.append(scrape(port));
		}

		assertThat(queried).as("metrics the dashboard queries").hasSizeGreaterThan(10);
		assertThat(queried).allSatisfy((metric) -> assertThat(exposed).as("exposed metrics")
			.containsPattern("(?m)^" + Pattern.quote(metric) + "[{ ]"));
	}

	static Set<String> dashboardMetrics(Path dashboard) throws IOException {
		JsonNode root = TopicTail.JSON.readTree(Files.readString(dashboard));
		Set<String> metrics = new TreeSet<>();
		for (JsonNode panel : root.get("panels")) {
			for (JsonNode target : panel.path("targets")) {
				Matcher matcher = METRIC.matcher(target.get("expr").asString());
				while (matcher.find()) {
					metrics.add(matcher.group(1));
				}
			}
		}
		return metrics;
	}

	private static String scrape(int port) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
