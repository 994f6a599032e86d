package dev.fleetjobs.request.system;

import dev.fleetjobs.support.kafka.KafkaClusterHealthIndicator;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Kafka's health for the readiness group: the cluster answers within 2 s. Details carry
 * the cluster id and broker count, never configuration.
 */
@Component("kafka")
class KafkaHealthIndicator extends KafkaClusterHealthIndicator {

	KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		super(kafkaAdmin, "job-request-service-health");
	}

}
