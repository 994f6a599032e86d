package dev.fleetjobs.support.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Kafka's health for the readiness group: {@code describeCluster} within 2 s on one
 * long-lived admin client. Details carry the cluster id and broker count, never
 * configuration. A service registers a subclass as its {@code kafka} indicator and may
 * add checks of its own topics in {@link #checkTopics}; shared so that every service
 * reports Kafka the same way.
 */
public class KafkaClusterHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	/** How long each admin call may take. */
	protected static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final AdminClient admin;

	/**
	 * @param kafkaAdmin the service's admin configuration (bootstrap servers, security)
	 * @param clientId the admin client's id, e.g. {@code job-request-service-health}
	 */
	public KafkaClusterHealthIndicator(KafkaAdmin kafkaAdmin, String clientId) {
		super("Kafka health check failed");
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		this.admin = AdminClient.create(config);
	}

	@Override
	protected final void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = this.admin
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
		String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		int brokers = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
		checkTopics(builder);
	}

	/**
	 * Further checks once the cluster answered; {@code builder} is up, and a check may
	 * set it down with a {@code problem} detail. Does nothing here.
	 */
	protected void checkTopics(Health.Builder builder) throws Exception {
	}

	/** The topic's partition count, or {@code null} while it does not exist. */
	protected final Integer partitions(String topic) throws Exception {
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
