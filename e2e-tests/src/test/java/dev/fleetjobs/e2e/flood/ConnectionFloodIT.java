package dev.fleetjobs.e2e.flood;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.e2e.support.E2eStack;
import dev.fleetjobs.launcher.demo.DemoJobs;
import dev.fleetjobs.launcher.stack.StackPorts;
import dev.fleetjobs.support.testing.ConnectionFlood;
import dev.fleetjobs.e2e.support.SharedStackSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Floods as one attacking machine would make them (bounded, loopback only), against the
 * stack's processes with their default limits: 300 slow-loris connections on
 * job-request-service (256 per address), 110 Server-Sent Event streams with one API key
 * on job-status-service (100 per key). The floods come from {@code 127.0.0.2} and
 * {@code 127.0.0.3}; everything else from {@code 127.0.0.1}. While they last, jobs are
 * still accepted and health and metrics answer; after them, a job on the whole fleet
 * completes with every device result, and so does the one accepted during the flood.
 * Scaled for CI; the sizes with {@code -Dfleetjobs.e2e.flood.slowloris=8500
 * -Dfleetjobs.e2e.flood.streams=6000}.
 */
class ConnectionFloodIT extends SharedStackSupport {

	private static final int SLOW_LORIS = Integer.getInteger("fleetjobs.e2e.flood.slowloris", 300);

	private static final int STREAMS = Integer.getInteger("fleetjobs.e2e.flood.streams", 110);

	private static final int PER_ADDRESS = 256;

	private static final int PER_KEY = 100;

	private static final String RUN = "flood-" + Instant.now().toEpochMilli();

	@Test
	void givenSlowLorisAndStreamFloods_whenTheyStop_thenAJobOnTheWholeFleetCompletesWithEveryDeviceResultAndNothingIsLost()
			throws Exception {
		StackPorts ports = stack.settings().ports();
		// Given a job an hour ahead, whose progress streams stay open
		Map<String, Object> later = new HashMap<>(DemoJobs.lockDoor(RUN + "-later", Map.of("building", 6, "floor", 1)));
		later.put("startTime", Instant.now().plusSeconds(3600).toString());
		String held = jobs.submit(later);
		await("scheduled").atMost(Duration.ofSeconds(60))
			.until(() -> jobs.latest(held).map((p) -> p.status() == JobStatus.SCHEDULED).orElse(false));

		String during;
		try (ConnectionFlood streams = ConnectionFlood
			.open("127.0.0.3", ports.statusService(), STREAMS,
					"GET /api/jobs/" + held + "/stream HTTP/1.1\r\nHost: localhost\r\nX-API-Key: "
							+ stack.settings().apiKey() + "\r\n\r\n")
			.settle(Duration.ofMillis(500), Duration.ofSeconds(10));
				ConnectionFlood slowLoris = ConnectionFlood
					.open("127.0.0.2", ports.requestService(), SLOW_LORIS, ConnectionFlood.INCOMPLETE_REQUEST)
					.settle(Duration.ofMillis(300), Duration.ofSeconds(3))) {
			// Then each flooding client gets its cap and the rest is refused at once (the
			// slow-loris connections only until the 5 s header read timeout closes them)
			System.out.printf("[flood] %s%n[flood] %s%n", slowLoris, streams);
			// (a flood that takes longer than the header read timeout to open sees its
			// first
			// connections closed silently, which frees their places for later ones)
			assertThat(slowLoris.silent()).as(slowLoris.toString()).isPositive().isLessThanOrEqualTo(PER_ADDRESS);
			assertThat(slowLoris.answered(429)).as(slowLoris.toString())
				.isGreaterThanOrEqualTo(SLOW_LORIS - PER_ADDRESS - slowLoris.closedWithoutAnswer());
			if (slowLoris.closedWithoutAnswer() == 0) {
				assertThat(slowLoris.silent()).as(slowLoris.toString()).isEqualTo(PER_ADDRESS);
			}
			assertThat(slowLoris.answered(503)).as(slowLoris.toString()).isZero();
			assertThat(get(ports.requestManagement(), "/actuator/prometheus").body())
				.containsPattern("fleetjobs_http_connections_busiest_address [1-9]")
				.containsPattern("fleetjobs_http_connections_refused_total\\{reason=\"per-address\"} [1-9]");
			assertThat(streams.answered(200)).as(streams.toString()).isEqualTo(PER_KEY);
			assertThat(streams.answered(429)).as(streams.toString()).isEqualTo(STREAMS - PER_KEY);
			assertThat(streams.answer(429).orElseThrow()).contains("Retry-After: 5",
					"https://fleetjobs.dev/problems/too-many-streams");

			// And a job is accepted quickly, health answers and the metrics show the
			// floods
			long started = System.nanoTime();
			during = jobs.submit(DemoJobs.lockDoor(RUN + "-during", Map.of("building", 7, "floor", 2)));
			Duration latency = Duration.ofNanos(System.nanoTime() - started);
			System.out.printf("[flood] POST /api/jobs during the floods: %d ms%n", latency.toMillis());
			assertThat(latency).isLessThan(Duration.ofSeconds(3));
			for (int port : ports.actuatorPorts()) {
				assertThat(get(port, "/actuator/health/readiness").statusCode()).as("readiness on :%d", port)
					.isEqualTo(200);
			}
			assertThat(get(ports.statusManagement(), "/actuator/prometheus").body())
				.contains("fleetjobs_status_streams " + PER_KEY)
				.containsPattern("fleetjobs_status_streams_refused_total\\{reason=\"per-key\"} [1-9]");
			// And the header read timeout closes the slow-loris connections
			assertThat(slowLoris.awaitClosedByServer(Duration.ofSeconds(15))).as(slowLoris.toString()).isTrue();
		}

		// When the floods have stopped, a job on the whole fleet is submitted over REST
		String whole = jobs.submit(DemoJobs.lockDoor(RUN + "-whole", Map.of("kind", "door-lock")));

		// Then it completes with every device's result, and so does the one of the flood
		assertCompleted(whole, E2eStack.DEVICES);
		assertCompleted(during, E2eStack.DEVICES / (E2eStack.BUILDINGS * E2eStack.FLOORS));
		jobs.api().cancel(held);
		assertThat(jobs.awaitFinal(held, Duration.ofSeconds(60)).status()).isEqualTo(JobStatus.CANCELLED);
	}

	private static void assertCompleted(String jobId, int devices) {
		JobProgress last = jobs.awaitFinal(jobId, Duration.ofSeconds(90));
		assertThat(last.status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(last.statistics().succeededCount()).isEqualTo(devices);
		assertThat(last.deviceResultCount()).isEqualTo(devices);
		List<DeviceResult> results = jobs.results(jobId);
		assertThat(results).hasSize(devices).extracting(DeviceResult::deviceId).doesNotHaveDuplicates();
		assertThat(results).allMatch((result) -> result.status() == DeviceJobStatus.COMPLETED);
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
