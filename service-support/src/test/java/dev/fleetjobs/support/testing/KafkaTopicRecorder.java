package dev.fleetjobs.support.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

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

import org.springframework.context.SmartLifecycle;

import static org.awaitility.Awaitility.await;

/**
 * Records everything on some topics from the beginning, on a thread of its own, and sends
 * raw records acknowledged by all replicas (test-jar of service-support). Each service's
 * {@code TopicRecorder} names its topics and adds helpers for its own records. Tests find
 * their records by key, so they never interfere with one another. It starts in the last
 * lifecycle phase (SmartLifecycle's default), after the service's listeners.
 */
public abstract class KafkaTopicRecorder implements SmartLifecycle {

	private final String brokers;

	private final List<String> topics;

	private final boolean readCommitted;

	private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	private KafkaConsumer<String, byte[]> consumer;

	private KafkaProducer<String, byte[]> producer;

	/**
	 * @param brokers the bootstrap servers
	 * @param topics the topics to record
	 * @param readCommitted whether to see only committed transactional records
	 */
	protected KafkaTopicRecorder(String brokers, List<String> topics, boolean readCommitted) {
		this.brokers = brokers;
		this.topics = topics;
		this.readCommitted = readCommitted;
	}

	@Override
	public void start() {
		Map<String, Object> consumer = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
		if (this.readCommitted) {
			consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		}
		this.consumer = new KafkaConsumer<>(consumer);
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class, ProducerConfig.ACKS_CONFIG,
				"all"));
		this.running = true;
		Thread thread = new Thread(this::record, "topic-recorder");
		thread.setDaemon(true);
		thread.start();
	}

	private void record() {
		try {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : this.topics) {
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

	/** Sends a raw record and waits for the ack. */
	public void send(String topic, String key, byte[] value, Header... headers) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
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

	/** The records on a topic with this key, so far, in the order they were read. */
	public List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
		return this.records.stream()
			.filter((record) -> record.topic().equals(topic) && key.equals(record.key()))
			.toList();
	}

	/** Waits for the first record on the topic that matches. */
	public ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
			Duration timeout) {
		return await().atMost(timeout)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.records.stream()
				.filter((record) -> record.topic().equals(topic) && match.test(record))
				.findFirst()
				.orElse(null), (record) -> record != null);
	}

	/** A header's value as text, or {@code null}. */
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

}
