package dev.fleetjobs.launcher.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A consumer of a topic's committed records from its end as it is now: every partition
 * assigned (no group), positioned before anything is submitted, so that nothing published
 * after this returns is missed.
 */
public final class TopicTail {

	private TopicTail() {
	}

	/**
	 * @param settings consumer settings on top of read_committed without commits (e.g.
	 * fetch sizes)
	 */
	public static <K, V> KafkaConsumer<K, V> fromEnd(String bootstrapServers, String topic,
			Map<String, Object> settings, Deserializer<K> keys, Deserializer<V> values) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		properties.putAll(settings);
		KafkaConsumer<K, V> consumer = new KafkaConsumer<>(properties, keys, values);
		List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position);
		return consumer;
	}

}
