package dev.fleetjobs.request.submission;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.support.testing.Api;
import dev.fleetjobs.testsupport.ServiceInstance;
import dev.fleetjobs.testsupport.TcpProxy;
import dev.fleetjobs.testsupport.TestCredentials;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static dev.fleetjobs.support.testing.Api.apiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A broker that goes down gives 503 with Retry-After (never 202), and the service
 * recovers when it is back. The broker is a dedicated one that advertises itself behind a
 * TCP proxy; taking the proxy down makes it unreachable. The shared broker of the other
 * tests is never touched.
 */
class KafkaOutageIntegrationTests {

	private static final String BODY = "{\"target\":{\"queryCondition\":\"*\"},\"action\":{\"directMethod\":{\"methodName\":\"lockDoor\"}}}";

	private static final String[] KEY = apiKey(TestCredentials.ALL_SCOPES_KEY);

	private static final String SHARED_BROKERS = "spring.embedded.kafka.brokers";

	@Test
	void givenTheBrokerGoesDownThen503WithRetryAfterAndWhenItIsBackThen202AndTheCommandIsThere() throws Exception {
		int advertised = TcpProxy.freePort();
		// the broker sets spring.embedded.kafka.brokers as well: the shared context of
		// the
		// other tests (perhaps started already) resolves its bootstrap servers from it
		String shared = System.getProperty(SHARED_BROKERS);
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
		broker.brokerProperty("advertised.listeners", "EXTERNAL://localhost:" + advertised);
		broker.brokerListProperty("outage.test.brokers");
		broker.afterPropertiesSet();
		String real = broker.getBrokersAsString();
		try (TcpProxy proxy = new TcpProxy(advertised, Integer.parseInt(real.substring(real.lastIndexOf(':') + 1)))) {
			proxy.up();
			try (ServiceInstance service = ServiceInstance.start("localhost:" + advertised)) {
				Api api = service.api();
				Api management = service.management();
				String firstJob = await().atMost(Duration.ofSeconds(30))
					.until(() -> api.post("/api/jobs", BODY, KEY), (response) -> response.status() == 202)
					.json()
					.path("jobId")
					.asString();

				// Given the broker goes down
				proxy.down();

				// When a job is submitted
				Instant before = Instant.now();
				Api.Response refused = api.post("/api/jobs", BODY, KEY);

				// Then it is refused within a few seconds with 503, Retry-After and a
				// problem
				assertThat(refused.status()).isEqualTo(503);
				assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));
				assertThat(refused.header("Retry-After")).isEqualTo("5");
				assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
				assertThat(refused.json().path("type").asString())
					.isEqualTo("https://fleetjobs.dev/problems/kafka-unavailable");
				await().atMost(Duration.ofSeconds(15))
					.until(() -> management.get("/actuator/health/readiness").status() == 503);

				// When the broker is back
				proxy.up();

				// Then submissions are accepted again and both commands are on the broker
				String secondJob = await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofSeconds(1))
					.until(() -> api.post("/api/jobs", BODY, KEY), (response) -> response.status() == 202)
					.json()
					.path("jobId")
					.asString();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> management.get("/actuator/health/readiness").status() == 200);
				assertThat(commandKeys("localhost:" + advertised, 2)).contains(firstJob, secondJob);
			}
		}
		finally {
			broker.destroy();
			if (shared != null) {
				System.setProperty(SHARED_BROKERS, shared);
			}
		}
	}

	private static List<String> commandKeys(String brokers, int atLeast) {
		List<String> keys = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG, "outage-test",
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.subscribe(List.of(Topics.COMMANDS));
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> keys.add(record.key()));
				return keys.size() >= atLeast;
			});
		}
		return keys;
	}

}
