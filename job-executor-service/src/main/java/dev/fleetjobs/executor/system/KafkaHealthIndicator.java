package dev.fleetjobs.executor.system;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.support.kafka.KafkaClusterHealthIndicator;

import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Kafka for the readiness group: the cluster answers within 2 s, and
 * {@code fleetjobs.commands} and {@code fleetjobs.lifecycle} have the same number of
 * partitions (the queue is rebuilt from lifecycle partition p for commands partition p).
 * Details: cluster id, broker count, partition counts; never configuration.
 */
@Component("kafka")
class KafkaHealthIndicator extends KafkaClusterHealthIndicator {

	KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		super(kafkaAdmin, "job-executor-service-health");
	}

	@Override
	protected void checkTopics(Health.Builder builder) throws Exception {
		Integer commands = partitions(Topics.COMMANDS);
		Integer lifecycle = partitions(Topics.LIFECYCLE);
		if (commands != null && lifecycle != null && !commands.equals(lifecycle)) {
			builder.down()
				.withDetail("problem", Topics.COMMANDS + " has " + commands + " partitions, " + Topics.LIFECYCLE
						+ " has " + lifecycle + "; they must have the same number");
		}
	}

}
