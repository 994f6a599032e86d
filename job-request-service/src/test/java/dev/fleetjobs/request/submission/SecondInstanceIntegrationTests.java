package dev.fleetjobs.request.submission;

import java.time.Duration;
import java.util.UUID;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.request.idempotency.JobIds;
import dev.fleetjobs.support.testing.Api;
import dev.fleetjobs.testsupport.KafkaIntegrationTest;
import dev.fleetjobs.testsupport.ServiceInstance;
import dev.fleetjobs.testsupport.TestCredentials;
import dev.fleetjobs.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.fleetjobs.support.testing.Api.apiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The request-id index survives restarts and is shared by instances, because it is read
 * back from {@code fleetjobs.commands}: a fresh instance (a restarted one, or a second
 * one) knows what the first accepted.
 */
@KafkaIntegrationTest
class SecondInstanceIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String brokers;

	@Autowired
	TopicRecorder topics;

	@Test
	void givenARequestAcceptedByOneInstanceThenAFreshInstanceAnswersTheSameJobIdWithoutASecondCommand() {
		// Given a request accepted by the running instance
		String requestId = "second-instance-" + UUID.randomUUID();
		String body = JobControllerIntegrationTests.lockDoor(requestId, "lockDoor");
		String[] key = apiKey(TestCredentials.ALL_SCOPES_KEY);
		Api.Response first = new Api(this.port).post("/api/jobs", body, key);
		assertThat(first.status()).isEqualTo(202);
		String jobId = JobIds.fromRequestId(requestId);

		// When a fresh instance starts (as after a restart) and gets the same request
		try (ServiceInstance fresh = ServiceInstance.start(this.brokers)) {
			Api api = fresh.api();
			await().atMost(Duration.ofSeconds(20))
				.until(() -> fresh.management()
					.get("/actuator/health/readiness")
					.json()
					.path("status")
					.asString()
					.equals("UP"));
			Api.Response again = api.post("/api/jobs", body, key);
			Api.Response conflicting = api.post("/api/jobs",
					JobControllerIntegrationTests.lockDoor(requestId, "unlockDoor"), key);

			// Then it answers with the same jobId, as a duplicate, and refuses another
			// definition
			assertThat(again.status()).isEqualTo(202);
			assertThat(again.json().path("jobId").asString()).isEqualTo(jobId);
			assertThat(again.json().path("duplicate").asBoolean()).isTrue();
			assertThat(conflicting.status()).isEqualTo(409);
			assertThat(api.get("/api/jobs/" + jobId, key).status()).isEqualTo(200);
		}

		// And there is exactly one command for the job
		this.topics.awaitRecord(Topics.COMMANDS, jobId);
		assertThat(this.topics.records(Topics.COMMANDS, jobId)).hasSize(1);
	}

}
