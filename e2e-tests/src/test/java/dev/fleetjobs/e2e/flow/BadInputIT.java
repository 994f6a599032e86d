package dev.fleetjobs.e2e.flow;

import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import dev.fleetjobs.contracts.DltHeaders;
import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.e2e.support.E2eStack;
import dev.fleetjobs.e2e.support.TopicTail;
import dev.fleetjobs.launcher.stack.LocalStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bad requests get a clear refusal, over REST and over Kafka, and nothing stops. */
class BadInputIT {

	private static LocalStack stack;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startTheSystem() {
		stack = E2eStack.get();
	}

	@Test
	void givenAMethodNameTheHubRefuses_whenPostedOverRest_thenTheAnswerIsProblemJsonNamingTheField() throws Exception {
		HttpResponse<String> response = post(
				"{\"requestId\":\"bad-1\",\"target\":{\"tags\":{\"building\":1}},\"action\":{\"directMethod\":{\"methodName\":\"lock/Door\"}}}",
				stack.settings().apiKey());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("action.directMethod.methodName");
	}

	@Test
	void givenNoApiKey_whenAJobIsPosted_thenTheAnswerIs401ProblemJson() throws Exception {
		HttpResponse<String> response = post("{}", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void givenTheApiKeyKeptInTheRunFolder_whenAUserCopiesItFromSecretsProperties_thenTheRequestServiceAcceptsIt()
			throws Exception {
		Properties secrets = new Properties();
		try (Reader reader = Files.newBufferedReader(stack.settings().run().root().resolve("secrets.properties"))) {
			secrets.load(reader);
		}

		HttpResponse<String> response = post("{}", secrets.getProperty("api.key"));

		assertThat(response.statusCode()).as("authenticated, then refused as a bad request").isEqualTo(400);
		assertThat(response.body()).contains("\"errorCode\":\"VALIDATION_FAILED\"");
	}

	@Test
	void givenPoisonBytesOnTheRequestsTopic_whenTheIngressReadsThem_thenTheyLandOnTheDeadLetterTopicWithTheReason() {
		String bootstrap = stack.settings().bootstrapServers();
		String key = "poison-" + System.nanoTime();
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
				new ByteArraySerializer()); TopicTail dlt = new TopicTail(bootstrap, Topics.REQUESTS_DLT)) {
			producer.send(new ProducerRecord<>(Topics.REQUESTS, key,
					"{\"requestId\": [unterminated".getBytes(StandardCharsets.UTF_8)));
			producer.flush();

			await("dead letter").atMost(Duration.ofSeconds(30))
				.until(() -> !dlt.matching((r) -> key.equals(r.key())).isEmpty());
			List<TopicTail.Seen> dead = dlt.matching((r) -> key.equals(r.key()));
			assertThat(dead).hasSize(1);
			assertThat(dead.get(0).headers().get(DltHeaders.REASON)).isNotBlank();
			assertThat(dead.get(0).text()).isEqualTo("{\"requestId\": [unterminated");
		}
	}

	private HttpResponse<String> post(String body, String apiKey) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + stack.settings().ports().requestService() + "/api/jobs"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (apiKey != null) {
			request.header("X-API-Key", apiKey);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
