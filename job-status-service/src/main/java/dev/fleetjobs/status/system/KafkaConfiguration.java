package dev.fleetjobs.status.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.support.kafka.ContractSerdes;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The topics this service writes, JSON with logical type names both ways, and the
 * transactional producer of its events.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	NewTopic progressTopic(TopicsProperties topics) {
		return topic(Topics.PROGRESS, topics).compact().build();
	}

	@Bean
	NewTopic deviceResultsTopic(TopicsProperties topics) {
		return topic(Topics.DEVICE_RESULTS, topics)
			.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topics.deviceResultsRetention().toMillis()))
			.build();
	}

	@Bean
	NewTopic lifecycleDeadLetterTopic(TopicsProperties topics) {
		return topic(Topics.LIFECYCLE_DLT, topics).build();
	}

	private static TopicBuilder topic(String name, TopicsProperties topics) {
		return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor());
	}

	/**
	 * Boot's producer serves dead letters: the original bytes of unreadable records, JSON
	 * for readable but invalid ones.
	 */
	@Bean
	@SuppressWarnings("unchecked")
	DefaultKafkaProducerFactoryCustomizer deadLetterSerializer() {
		Serializer<Object> serializer = ContractSerdes.valueSerializer();
		return (factory) -> ((DefaultKafkaProducerFactory<Object, Object>) factory).setValueSerializer(serializer);
	}

	/**
	 * Every consumer reads JSON by its logical type header (trusting only the contracts'
	 * packages); a record that cannot be read becomes a DeserializationException for the
	 * error handler instead of blocking the partition.
	 */
	@Bean
	@SuppressWarnings("unchecked")
	DefaultKafkaConsumerFactoryCustomizer valueDeserializer() {
		ErrorHandlingDeserializer<Object> value = ContractSerdes.valueDeserializer(ContractSerdes.ALL_CONTRACTS);
		return (factory) -> ((DefaultKafkaConsumerFactory<Object, Object>) factory).setValueDeserializer(value);
	}

	@Bean
	TransactionalEvents transactionalEvents(KafkaProperties kafka, TopicsProperties topics, MeterRegistry registry) {
		return new TransactionalEvents(
				producers(kafka, topics.transactionIdPrefix(), topics.transactionTimeout(), registry), producers(kafka,
						topics.transactionIdPrefix() + "results-", topics.resultsTransactionTimeout(), registry));
	}

	private static DefaultKafkaProducerFactory<String, Object> producers(KafkaProperties kafka, String idPrefix,
			Duration transactionTimeout, MeterRegistry registry) {
		Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) transactionTimeout.toMillis());
		// a job's device results go in one burst: fewer, larger, compressed produce
		// requests
		config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
		config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(config,
				new StringSerializer(), ContractSerdes.jsonSerializer());
		factory.setTransactionIdPrefix(idPrefix);
		factory.addListener(new MicrometerProducerListener<>(registry));
		return factory;
	}

}
