package dev.fleetjobs.status.view;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.status.testsupport.ExecutorEvents;
import dev.fleetjobs.status.testsupport.StatusIntegrationTest;
import dev.fleetjobs.status.testsupport.TestCredentials;
import dev.fleetjobs.status.testsupport.TopicRecorder;
import dev.fleetjobs.support.testing.Api;
import dev.fleetjobs.support.testing.ConnectionFlood;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Floods on the real port, with the lowered limits of {@link StatusIntegrationTest} (3
 * streams per key, 5 in all, 40 connections per address, 2 s header read): the flooding
 * client comes from {@code 127.0.0.2}/{@code .3}, everyone else from {@code 127.0.0.1}.
 */
@StatusIntegrationTest
class FloodIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] READER = Api.apiKey(TestCredentials.READER_KEY);

	@Autowired
	private TopicRecorder topics;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private Api api;

	private Api management;

	@BeforeEach
	void api() {
		this.api = new Api(this.port);
		this.management = new Api(this.managementPort);
	}

	@Test
	void givenAStreamFlood_whenKeysAndTheInstanceReachTheirCaps_thenStreamsAreRefused429And503AndTheJobStillEndsOnAFreshStream()
			throws Exception {
		String jobId = "flood-" + UUID.randomUUID();
		this.topics.publish(jobId, ExecutorEvents.queued(jobId));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.api.get("/api/jobs/" + jobId, READER).status() == 200);

		// When one API key opens 5 streams and two JWT subjects 2 more each
		try (ConnectionFlood byKey = ConnectionFlood
			.open("127.0.0.2", this.port, 5, stream(jobId, "X-API-Key: " + TestCredentials.READER_KEY))
			.settle(Duration.ofMillis(300), Duration.ofSeconds(10));
				ConnectionFlood second = ConnectionFlood
					.open("127.0.0.2", this.port, 2, stream(jobId, bearer("dashboard-a")))
					.settle(Duration.ofMillis(300), Duration.ofSeconds(10));
				ConnectionFlood third = ConnectionFlood
					.open("127.0.0.2", this.port, 1, stream(jobId, bearer("dashboard-b")))
					.settle(Duration.ofMillis(300), Duration.ofSeconds(10))) {

			// Then the key gets 3 streams and two 429s, the instance is full at 5: 503
			assertThat(byKey.answered(200)).as(byKey.toString()).isEqualTo(3);
			assertThat(byKey.answered(429)).as(byKey.toString()).isEqualTo(2);
			assertThat(byKey.answer(200).orElseThrow()).contains("text/event-stream", "event:progress");
			assertThat(byKey.answer(429).orElseThrow()).contains("Retry-After: 5", "application/problem+json",
					"https://fleetjobs.dev/problems/too-many-streams");
			assertThat(second.answered(200)).as(second.toString()).isEqualTo(2);
			assertThat(third.answered(503)).as(third.toString()).isEqualTo(1);
			assertThat(third.answer(503).orElseThrow()).contains("Retry-After: 5",
					"https://fleetjobs.dev/problems/server-busy");

			// And the API, health and metrics keep answering, the metrics showing the
			// flood
			assertThat(this.api.get("/api/jobs/" + jobId, READER).status()).isEqualTo(200);
			assertThat(this.management.get("/actuator/health/readiness").status()).isEqualTo(200);
			String metrics = this.management.get("/actuator/prometheus").text();
			assertThat(metrics).contains("fleetjobs_status_streams 5.0")
				.containsPattern("fleetjobs_status_streams_refused_total\\{reason=\"per-key\"} [1-9]")
				.containsPattern("fleetjobs_status_streams_refused_total\\{reason=\"total\"} [1-9]")
				.containsPattern("fleetjobs_http_connections_open [1-9]");
		}

		// When the flood stops: its streams are dropped at the next heartbeat
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.management.get("/actuator/prometheus").text().contains("fleetjobs_status_streams 0.0"));

		// Then a new stream is served and sees the job to its final event
		HttpResponse<Stream<String>> stream = this.api.stream("/api/jobs/" + jobId + "/stream", READER);
		this.topics.publish(jobId, ExecutorEvents.cancelledWhileQueued(jobId));
		List<JobProgress> events;
		try (Stream<String> lines = stream.body()) {
			events = lines.filter((line) -> line.startsWith("data:"))
				.map((line) -> JSON.readValue(line.substring(5), JobProgress.class))
				.toList();
		}
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(events).extracting(JobProgress::status).containsExactly(JobStatus.QUEUED, JobStatus.CANCELLED);
		assertThat(events.get(1).resultsComplete()).isTrue();
	}

	@Test
	void givenASlowLorisFlood_whenOneAddressExceedsItsCap_thenTheRestGet429TheApiKeepsAnsweringAndTheSilentOnesAreClosed() {
		try (ConnectionFlood flood = ConnectionFlood
			.open("127.0.0.3", this.port, 60, ConnectionFlood.INCOMPLETE_REQUEST)
			.settle(Duration.ofMillis(300), Duration.ofSeconds(10))) {
			assertThat(flood.silent()).as(flood.toString()).isEqualTo(40);
			assertThat(flood.answered(429)).as(flood.toString()).isEqualTo(20);

			long started = System.nanoTime();
			assertThat(this.api.get("/api/jobs", READER).status()).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
			// the management port has its own listener: the flooding address reaches it
			try (ConnectionFlood health = ConnectionFlood.open("127.0.0.3", this.managementPort, 1,
					"GET /actuator/health HTTP/1.1\r\nHost: x\r\n\r\n")) {
				assertThat(health.settle(Duration.ofMillis(300), Duration.ofSeconds(5)).answered(200)).isEqualTo(1);
			}
			assertThat(this.management.get("/actuator/prometheus").text())
				.containsPattern("fleetjobs_http_connections_busiest_address 40")
				.containsPattern("fleetjobs_http_connections_refused_total\\{reason=\"per-address\"} [1-9]");

			// the 2 s header read timeout closes the silent ones
			assertThat(flood.awaitClosedByServer(Duration.ofSeconds(8))).as(flood.toString()).isTrue();
		}
	}

	private static String stream(String jobId, String credentials) {
		return "GET /api/jobs/" + jobId + "/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
				+ credentials + "\r\n\r\n";
	}

	private static String bearer(String subject) {
		return "Authorization: Bearer " + TestCredentials.jwt(subject, "jobs:read");
	}

}
