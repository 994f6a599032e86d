package dev.fleetjobs.executor.system;

import java.time.Clock;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.support.kafka.ContractSerdes;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The topics this service writes, JSON with logical type names both ways (an unreadable
 * command reaches the listener as such, through {@link ErrorHandlingDeserializer}, and is
 * dead-lettered there), and what happens after a rolled-back batch.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	/** The largest record of the rollouts topic (and of this service's producer). */
	static final int ROLLOUT_RECORD_BYTES = 10 * 1024 * 1024;

	private static final String[] CONTRACT_PACKAGES = { "dev.fleetjobs.contracts.command",
			"dev.fleetjobs.contracts.lifecycle", "dev.fleetjobs.contracts.rollout" };

	/**
	 * Boot's Kafka transaction manager, with transaction synchronization on:
	 * {@code KafkaTransactionManager} turns it off by default, and without it a batch's
	 * ledger and queue changes ({@code BatchState}) would apply when the listener
	 * returns, before the container sends the offsets and commits. When that commit then
	 * failed (a broker gone, the offset commit timing out), the redelivered command found
	 * its job "already on the hub" and published nothing: the job ran on the hub with no
	 * {@code JobSubmitted}. With synchronization they apply only after the commit.
	 */
	@Bean
	KafkaTransactionManager<?, ?> kafkaTransactionManager(ProducerFactory<?, ?> producerFactory) {
		KafkaTransactionManager<?, ?> manager = new KafkaTransactionManager<>(producerFactory);
		manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS);
		return manager;
	}

	@Bean
	NewTopic lifecycleTopic(TopicsProperties topics) {
		return TopicBuilder.name(Topics.LIFECYCLE)
			.partitions(topics.partitions())
			.replicas(topics.replicationFactor())
			.build();
	}

	/**
	 * The rollout engine's state: compacted (the latest record per key is the state),
	 * records up to 10 MB (a large rollout's retries), on the partitions of the commands.
	 */
	@Bean
	NewTopic rolloutsTopic(TopicsProperties topics) {
		return TopicBuilder.name(Topics.ROLLOUTS)
			.partitions(topics.partitions())
			.replicas(topics.replicationFactor())
			.compact()
			.config("max.message.bytes", String.valueOf(ROLLOUT_RECORD_BYTES))
			.build();
	}

	@Bean
	NewTopic commandsDeadLetterTopic(TopicsProperties topics) {
		return TopicBuilder.name(Topics.COMMANDS_DLT)
			.partitions(topics.partitions())
			.replicas(topics.replicationFactor())
			.build();
	}

	/**
	 * Events and commands as JSON with the logical {@code __TypeId__}; raw dead letters
	 * as bytes.
	 */
	@Bean
	@SuppressWarnings("unchecked")
	DefaultKafkaProducerFactoryCustomizer valueSerializer() {
		Serializer<Object> serializer = ContractSerdes.valueSerializer();
		return (factory) -> ((DefaultKafkaProducerFactory<Object, Object>) factory).setValueSerializer(serializer);
	}

	/**
	 * Commands and lifecycle events by logical type name, from the contract packages
	 * only.
	 */
	@Bean
	@SuppressWarnings("unchecked")
	DefaultKafkaConsumerFactoryCustomizer valueDeserializer() {
		ErrorHandlingDeserializer<Object> deserializer = ContractSerdes.valueDeserializer(CONTRACT_PACKAGES);
		return (factory) -> ((DefaultKafkaConsumerFactory<Object, Object>) factory)
			.setValueDeserializerSupplier(() -> deserializer);
	}

	/**
	 * A batch rolls back only when Kafka failed or a hub call it cannot do without failed
	 * transiently: it comes again after a backoff with jitter (1 s doubling to 30 s,
	 * without limit, since its commands are valid and must not be lost), with the
	 * container paused meanwhile rather than its thread asleep.
	 */
	@Bean
	AfterRollbackProcessor<Object, Object> afterRollbackProcessor(KafkaListenerEndpointRegistry registry) {
		ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
		backOff.setMaxInterval(30_000);
		backOff.setJitter(500);
		SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
		scheduler.setThreadNamePrefix("rollback-backoff-");
		return new DefaultAfterRollbackProcessor<>((record, ex) -> {
		}, backOff, new ContainerPausingBackOffHandler(new ListenerContainerPauseService(registry, scheduler)), null,
				false);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
