package dev.fleetjobs.e2e.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a whole topic, committed records only, as a downstream consumer would, and keeps
 * every record it saw.
 */
public final class TopicTail implements AutoCloseable {

	public static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<Seen> records = new CopyOnWriteArrayList<>();

	private final List<TopicPartition> partitions;

	/** One record: key, raw value, headers as strings, and the type header. */
	public record Seen(String key, byte[] value, Map<String, String> headers, int partition, long offset) {

		public String type() {
			return this.headers.get("__TypeId__");
		}

		public <T> T as(Class<T> type) {
			return JSON.readValue(this.value, type);
		}

		public String text() {
			return (this.value != null) ? new String(this.value, StandardCharsets.UTF_8) : null;
		}

	}

	public TopicTail(String bootstrapServers, String topic) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
		this.partitions = this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		this.consumer.assign(this.partitions);
		this.consumer.seekToBeginning(this.partitions);
	}

	/**
	 * Reads everything committed up to now: polls until this tail has caught up with the
	 * end offsets taken at the start of the call (a topic with a long history takes
	 * several polls, so one short poll would see only its beginning).
	 */
	public synchronized List<Seen> poll() {
		Map<TopicPartition, Long> end = this.consumer.endOffsets(this.partitions, Duration.ofSeconds(10));
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		do {
			for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
				Map<String, String> headers = new HashMap<>();
				for (Header header : record.headers()) {
					headers.put(header.key(),
							(header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null);
				}
				this.records.add(new Seen(record.key(), record.value(), headers, record.partition(), record.offset()));
			}
		}
		while (!caughtUp(end) && System.nanoTime() < deadline);
		return List.copyOf(this.records);
	}

	private boolean caughtUp(Map<TopicPartition, Long> end) {
		return end.entrySet()
			.stream()
			.allMatch((entry) -> this.consumer.position(entry.getKey(), Duration.ofSeconds(10)) >= entry.getValue());
	}

	public List<Seen> matching(Predicate<Seen> filter) {
		return poll().stream().filter(filter).toList();
	}

	@Override
	public synchronized void close() {
		this.consumer.close(Duration.ofSeconds(2));
	}

}
