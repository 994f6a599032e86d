package dev.fleetjobs.launcher.scale;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.launcher.demo.TopicTail;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts the committed records of {@code fleetjobs.device-results} per job (their key),
 * from the end of the topic as it was at the start, without parsing them.
 */
final class ResultCounter implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	ResultCounter(String bootstrapServers) {
		this.consumer = TopicTail.fromEnd(bootstrapServers, Topics.DEVICE_RESULTS,
				Map.of(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 32 * 1024 * 1024,
						ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024, ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
						50_000),
				new StringDeserializer(), new ByteArrayDeserializer());
	}

	/** Reads what arrived within the timeout. */
	void poll(Duration timeout) {
		for (ConsumerRecord<String, byte[]> record : this.consumer.poll(timeout)) {
			if (record.key() != null) {
				this.counts.computeIfAbsent(record.key(), (key) -> new LongAdder()).increment();
			}
		}
	}

	long count(String jobId) {
		LongAdder count = this.counts.get(jobId);
		return (count != null) ? count.sum() : 0;
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(2));
	}

}
