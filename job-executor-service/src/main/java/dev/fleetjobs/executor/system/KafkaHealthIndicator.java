package dev.fleetjobs.executor.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.fleetjobs.contracts.Topics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
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
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final AdminClient admin;

	KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		super("Kafka health check failed");
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "job-executor-service-health");
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		this.admin = AdminClient.create(config);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		var cluster = this.admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
		String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		int brokers = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
		Integer commands = partitions(Topics.COMMANDS);
		Integer lifecycle = partitions(Topics.LIFECYCLE);
		builder.withDetail("clusterId", clusterId).withDetail("brokers", brokers);
		if (commands != null && lifecycle != null && !commands.equals(lifecycle)) {
			builder.down()
				.withDetail("problem", Topics.COMMANDS + " has " + commands + " partitions, " + Topics.LIFECYCLE
						+ " has " + lifecycle + "; they must have the same number");
		}
		else {
			builder.up();
		}
	}

	/** The topic's partition count, or {@code null} while it does not exist. */
	private Integer partitions(String topic) throws Exception {
		try {
			TopicDescription description = this.admin
				.describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs((int) TIMEOUT.toMillis()))
				.topicNameValues()
				.get(topic)
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return description.partitions().size();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
				return null;
			}
			throw ex;
		}
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(1));
	}

}
