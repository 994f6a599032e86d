package dev.fleetjobs.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.support.testing.KafkaTopicRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;

/**
 * Records everything on the topics this service writes (commands, DLT, rejections) from
 * the beginning, and sends raw records to {@code fleetjobs.requests}. Tests find their
 * records by key, so they never interfere with one another.
 */
@TestComponent
public class TopicRecorder extends KafkaTopicRecorder {

	public TopicRecorder(@Value("${spring.kafka.bootstrap-servers}") String brokers) {
		super(brokers, List.of(Topics.COMMANDS, Topics.REQUESTS_DLT, Topics.REQUEST_REJECTIONS), false);
	}

	/** Sends a raw record to {@code fleetjobs.requests} and waits for the ack. */
	public void sendRequest(String key, byte[] value, Header... headers) {
		send(Topics.REQUESTS, key, value, headers);
	}

	public void sendRequest(String key, String json) {
		sendRequest(key, json.getBytes(StandardCharsets.UTF_8));
	}

	/** Waits (15 s at most) for a record on the topic with this key. */
	public ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
		return awaitRecord(topic, (record) -> key.equals(record.key()));
	}

	public ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
		return awaitRecord(topic, match, Duration.ofSeconds(15));
	}

}
