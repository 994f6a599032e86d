package dev.fleetjobs.executor.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * One Spring context, one embedded KRaft broker and one iot-hub-emulator shared by every
 * integration test class of this module (same annotation, same cached context). The
 * queue's waits are shortened so that tests of throttling and the job quota take seconds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"spring.kafka.producer.transaction-id-prefix=executor-it-",
				"fleetjobs.queueing.retry-initial-interval=200ms", "fleetjobs.queueing.retry-max-interval=2s",
				"fleetjobs.queueing.quota-probe-initial-interval=200ms",
				"fleetjobs.queueing.quota-probe-max-interval=1s", "fleetjobs.topics.partitions=3",
				"fleetjobs.scheduling.listener-concurrency=3" })
@EmbeddedKafka(partitions = 3, topics = { "fleetjobs.commands", "fleetjobs.progress", "fleetjobs.device-results" },
		brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
				"transaction.abort.timed.out.transaction.cleanup.interval.ms=1000" })
@ContextConfiguration(initializers = TestHub.Initializer.class)
@Import(KafkaTopics.class)
public @interface ExecutorIntegrationTest {

}
