package dev.fleetjobs.e2e.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.fleetjobs.contracts.DltHeaders;
import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.e2e.support.TopicTail;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writes forged records (any bytes, any headers, null keys and values) to the system's
 * topics and finds what the services made of them on the dead-letter and rejection
 * topics. Every forged record carries a {@code hostile_case} header with a fresh id; the
 * services keep the original headers on dead letters, so even a record without a key is
 * found.
 */
final class KafkaProbe implements AutoCloseable {

	static final String CASE_HEADER = "hostile_case";

	private final KafkaProducer<String, byte[]> producer;

	private final Map<String, TopicTail> tails;

	KafkaProbe(String bootstrap) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
		this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
		this.tails = Map.of(Topics.REQUESTS_DLT, new TopicTail(bootstrap, Topics.REQUESTS_DLT),
				Topics.REQUEST_REJECTIONS, new TopicTail(bootstrap, Topics.REQUEST_REJECTIONS), Topics.COMMANDS_DLT,
				new TopicTail(bootstrap, Topics.COMMANDS_DLT), Topics.LIFECYCLE_DLT,
				new TopicTail(bootstrap, Topics.LIFECYCLE_DLT));
	}

	/** Sends the record and returns its case id. */
	String send(String topic, String key, byte[] value, Map<String, String> headers) {
		String caseId = UUID.randomUUID().toString();
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
		record.headers().add(CASE_HEADER, caseId.getBytes(StandardCharsets.UTF_8));
		headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
		try {
			this.producer.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AssertionError("Cannot send to " + topic, ex);
		}
		return caseId;
	}

	/**
	 * Waits for the dead letter of the case, asserts its reason headers and returns e.g.
	 * {@code fleetjobs.commands.dlt WRONG_TYPE: <reason>}.
	 */
	TopicTail.Seen awaitDeadLetter(String dltTopic, String caseId) {
		TopicTail tail = this.tails.get(dltTopic);
		await("dead letter on " + dltTopic).atMost(Duration.ofSeconds(45))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !tail.matching((seen) -> caseId.equals(seen.headers().get(CASE_HEADER))).isEmpty());
		List<TopicTail.Seen> dead = tail.matching((seen) -> caseId.equals(seen.headers().get(CASE_HEADER)));
		assertThat(dead).as("one dead letter per bad record").hasSize(1);
		assertThat(dead.get(0).headers().get(DltHeaders.REASON)).as("reason header").isNotBlank();
		return dead.get(0);
	}

	/** Waits for the {@code JobRequestRejected} whose key is the record's key. */
	TopicTail.Seen awaitRejection(String key) {
		TopicTail tail = this.tails.get(Topics.REQUEST_REJECTIONS);
		await("JobRequestRejected for " + key).atMost(Duration.ofSeconds(45))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !tail.matching((seen) -> key.equals(seen.key())).isEmpty());
		List<TopicTail.Seen> rejections = tail.matching((seen) -> key.equals(seen.key()));
		assertThat(rejections).hasSize(1);
		assertThat(rejections.get(0).type()).isEqualTo("JobRequestRejected");
		return rejections.get(0);
	}

	static String summary(String dltTopic, TopicTail.Seen dead) {
		String field = dead.headers().get(DltHeaders.FIELD);
		return "DLT " + dltTopic + " " + dead.headers().get(DltHeaders.ERROR_CODE)
				+ ((field != null && !field.isBlank()) ? " (field " + field + ")" : "") + ": "
				+ RestProbe.abbreviate(dead.headers().get(DltHeaders.REASON));
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
		this.tails.values().forEach(TopicTail::close);
	}

}
