package dev.fleetjobs.request.system;

import java.time.Clock;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.support.kafka.ContractSerdes;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The topics this service writes (plus {@code fleetjobs.requests}, so a local run has
 * it), the value serializer (JSON with logical type names, raw bytes for dead letters)
 * and the ingress error handler.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	NewTopic requestsTopic(TopicsProperties topics) {
		return topic(Topics.REQUESTS, topics).build();
	}

	@Bean
	NewTopic requestsDeadLetterTopic(TopicsProperties topics) {
		return topic(Topics.REQUESTS_DLT, topics).build();
	}

	@Bean
	NewTopic requestRejectionsTopic(TopicsProperties topics) {
		return topic(Topics.REQUEST_REJECTIONS, topics).build();
	}

	@Bean
	NewTopic commandsTopic(TopicsProperties topics) {
		return topic(Topics.COMMANDS, topics)
			.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topics.commandsRetention().toMillis()))
			.build();
	}

	private static TopicBuilder topic(String name, TopicsProperties topics) {
		return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor());
	}

	/**
	 * Commands and rejection events as JSON whose {@code __TypeId__} header is the
	 * logical type name; dead letters as the original bytes.
	 */
	@Bean
	@SuppressWarnings("unchecked")
	DefaultKafkaProducerFactoryCustomizer valueSerializer() {
		Serializer<Object> serializer = ContractSerdes.valueSerializer();
		return (factory) -> ((DefaultKafkaProducerFactory<Object, Object>) factory).setValueSerializer(serializer);
	}

	/**
	 * Invalid records never reach this handler (the service refuses them to the DLT).
	 * What does is a batch whose commands Kafka did not ack: it is retried, with backoff,
	 * until the broker is back, because its requests are valid and must not be lost.
	 */
	@Bean
	CommonErrorHandler ingressErrorHandler() {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(10_000);
		return new DefaultErrorHandler(backOff);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
