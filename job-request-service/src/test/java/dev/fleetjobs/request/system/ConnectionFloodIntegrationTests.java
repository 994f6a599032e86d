package dev.fleetjobs.request.system;

import java.time.Duration;
import java.util.UUID;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.request.idempotency.JobIds;
import dev.fleetjobs.support.testing.Api;
import dev.fleetjobs.support.testing.ConnectionFlood;
import dev.fleetjobs.testsupport.KafkaIntegrationTest;
import dev.fleetjobs.testsupport.TestCredentials;
import dev.fleetjobs.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow-loris flood on the real port, with the lowered limits of
 * {@link KafkaIntegrationTest} (40 connections per address, 2 s header read): the flood
 * comes from {@code 127.0.0.2}, the good client from {@code 127.0.0.1}.
 */
@KafkaIntegrationTest
class ConnectionFloodIntegrationTests {

	private static final String[] KEY = Api.apiKey(TestCredentials.ALL_SCOPES_KEY);

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	TopicRecorder topics;

	@Test
	void givenASlowLorisFloodFromOneAddress_whenItExceedsItsCap_thenTheRestGet429JobsAreStillAcceptedAndNothingIsLost() {
		Api api = new Api(this.port);
		Api management = new Api(this.managementPort);
		String during = "flood-during-" + UUID.randomUUID();

		try (ConnectionFlood flood = ConnectionFlood
			.open("127.0.0.2", this.port, 60, ConnectionFlood.INCOMPLETE_REQUEST)
			.settle(Duration.ofMillis(300), Duration.ofSeconds(10))) {
			// Then the address holds its 40 and the other 20 are refused at once
			assertThat(flood.silent()).as(flood.toString()).isEqualTo(40);
			assertThat(flood.answered(429)).as(flood.toString()).isEqualTo(20);
			assertThat(flood.answer(429).orElseThrow()).contains("Retry-After: 5",
					"https://fleetjobs.dev/problems/too-many-connections");

			// And another client's job is accepted quickly, health and metrics answer
			long started = System.nanoTime();
			Api.Response accepted = api.post("/api/jobs", lockDoor(during), KEY);
			assertThat(accepted.status()).isEqualTo(202);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
			assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
			assertThat(management.get("/actuator/prometheus").text())
				.contains("fleetjobs_http_connections_busiest_address 40")
				.containsPattern("fleetjobs_http_connections_open [1-9]")
				.containsPattern("fleetjobs_http_connections_refused_total\\{reason=\"per-address\"} [1-9]");

			// And the silent connections are closed after the 2 s header read timeout
			assertThat(flood.awaitClosedByServer(Duration.ofSeconds(8))).as(flood.toString()).isTrue();
		}

		// Then the flooding address is served again, and both jobs are commands
		String after = "flood-after-" + UUID.randomUUID();
		try (ConnectionFlood good = ConnectionFlood.open("127.0.0.2", this.port, 1, post(lockDoor(after)))) {
			assertThat(good.settle(Duration.ofMillis(500), Duration.ofSeconds(10)).answered(202)).as(good.toString())
				.isEqualTo(1);
		}
		this.topics.awaitRecord(Topics.COMMANDS, JobIds.fromRequestId(during));
		this.topics.awaitRecord(Topics.COMMANDS, JobIds.fromRequestId(after));
	}

	private static String lockDoor(String requestId) {
		return """
				{"requestId":"%s","target":{"deviceIds":["door-1"]},"action":{"directMethod":{"methodName":"lockDoor"}}}"""
			.formatted(requestId);
	}

	private static String post(String body) {
		return "POST /api/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-API-Key: "
				+ TestCredentials.ALL_SCOPES_KEY + "\r\nContent-Length: " + body.length()
				+ "\r\nConnection: close\r\n\r\n" + body;
	}

}
