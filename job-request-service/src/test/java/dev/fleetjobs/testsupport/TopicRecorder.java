package dev.fleetjobs.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import dev.fleetjobs.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.SmartLifecycle;

import static org.awaitility.Awaitility.await;

/**
 * Records everything on the topics this service writes (commands, DLT, rejections) from
 * the beginning, and sends raw records to {@code fleetjobs.requests}. Tests find their
 * records by key, so they never interfere with one another.
 */
@TestComponent
public class TopicRecorder implements SmartLifecycle {

	private static final List<String> TOPICS = List.of(Topics.COMMANDS, Topics.REQUESTS_DLT, Topics.REQUEST_REJECTIONS);

	private final String brokers;

	private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	private KafkaConsumer<String, byte[]> consumer;

	private KafkaProducer<String, byte[]> producer;

	private Thread thread;

	public TopicRecorder(@Value("${spring.kafka.bootstrap-servers}") String brokers) {
		this.brokers = brokers;
	}

	@Override
	public void start() {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class, ProducerConfig.ACKS_CONFIG,
				"all"));
		this.running = true;
		this.thread = new Thread(this::record, "topic-recorder");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void record() {
		try {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : TOPICS) {
				List<TopicPartition> found = List.of();
				while (this.running && found.isEmpty()) {
					found = this.consumer.partitionsFor(topic)
						.stream()
						.map((info) -> new TopicPartition(topic, info.partition()))
						.toList();
				}
				partitions.addAll(found);
			}
			this.consumer.assign(partitions);
			this.consumer.seekToBeginning(partitions);
			while (this.running) {
				this.consumer.poll(Duration.ofMillis(100)).forEach(this.records::add);
			}
		}
		catch (WakeupException ex) {
			// stopping
		}
		finally {
			this.consumer.close(Duration.ofSeconds(1));
		}
	}

	/** Sends a raw record to {@code fleetjobs.requests} and waits for the ack. */
	public void sendRequest(String key, byte[] value, Header... headers) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REQUESTS, key, value);
		for (Header header : headers) {
			record.headers().add(header);
		}
		try {
			this.producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public void sendRequest(String key, String json) {
		sendRequest(key, json.getBytes(StandardCharsets.UTF_8));
	}

	/** The records on a topic with this key, so far. */
	public List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
		return this.records.stream()
			.filter((record) -> record.topic().equals(topic) && key.equals(record.key()))
			.toList();
	}

	/** Waits (10 s at most) for a record on the topic with this key. */
	public ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
		return awaitRecord(topic, (record) -> key.equals(record.key()));
	}

	public ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> this.records.stream()
				.filter((record) -> record.topic().equals(topic) && match.test(record))
				.findFirst()
				.orElse(null), (record) -> record != null);
	}

	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void stop() {
		this.running = false;
		this.consumer.wakeup();
		this.producer.close(Duration.ofSeconds(1));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
