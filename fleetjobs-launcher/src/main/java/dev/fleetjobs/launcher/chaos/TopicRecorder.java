package dev.fleetjobs.launcher.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the output topics from their beginning, committed records only, as a downstream
 * consumer does, on its own thread, through broker restarts; keeps every record with the
 * moment it arrived.
 */
final class TopicRecorder implements AutoCloseable {

	/** One record as seen downstream. */
	record Seen(String topic, String key, String value, String type, long seenAtNanos) {
	}

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<Seen> records = new CopyOnWriteArrayList<>();

	private final Thread thread;

	private volatile boolean running = true;

	TopicRecorder(String bootstrapServers, List<String> topics) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : topics) {
			this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
		}
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
		this.thread = new Thread(this::loop, "chaos-topic-recorder");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void loop() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
					Header type = record.headers().lastHeader("__TypeId__");
					this.records.add(new Seen(record.topic(), record.key(),
							(record.value() != null) ? new String(record.value(), StandardCharsets.UTF_8) : null,
							(type != null) ? new String(type.value(), StandardCharsets.UTF_8) : null,
							System.nanoTime()));
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close(Duration.ofSeconds(2));
		}
	}

	List<Seen> of(String topic) {
		return this.records.stream().filter((record) -> record.topic().equals(topic)).toList();
	}

	/**
	 * When the first record of the topic after the given moment arrived
	 * ({@link System#nanoTime()}), or -1 if none did yet.
	 */
	long firstAfter(String topic, long afterNanos) {
		long earliest = -1;
		for (int i = this.records.size() - 1; i >= 0 && this.records.get(i).seenAtNanos() > afterNanos; i--) {
			if (this.records.get(i).topic().equals(topic)) {
				earliest = this.records.get(i).seenAtNanos();
			}
		}
		return earliest;
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.thread.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
