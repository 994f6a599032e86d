package dev.fleetjobs.status.view;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.status.tracking.ProgressLog;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The latest progress of each job, from the view, once the view has read
 * {@code fleetjobs.progress} up to its current last stable offset: everything committed
 * before the ask (e.g. by the instance that owned a partition until this rebalance) is
 * in.
 */
@Component
class ViewProgressLog implements ProgressLog, DisposableBean {

	private final AdminClient admin;

	private final TopicFollower follower;

	private final JobViewStore store;

	ViewProgressLog(KafkaAdmin kafkaAdmin, TopicFollower follower, JobViewStore store) {
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "job-status-service-progress-log");
		this.admin = AdminClient.create(config);
		this.follower = follower;
		this.store = store;
	}

	@Override
	public Map<String, JobProgress> latest(Predicate<String> jobIds, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Map<TopicPartition, Long> end = endOffsets(timeout);
		while (!this.follower.caughtUp(end)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"The job view did not read " + Topics.PROGRESS + " up to " + end + " within " + timeout);
			}
			sleep();
		}
		return this.store.latest(jobIds);
	}

	private Map<TopicPartition, Long> endOffsets(Duration timeout) {
		try {
			TopicDescription topic = this.admin.describeTopics(java.util.List.of(Topics.PROGRESS))
				.allTopicNames()
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS)
				.get(Topics.PROGRESS);
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			topic.partitions()
				.forEach((info) -> latest.put(new TopicPartition(Topics.PROGRESS, info.partition()),
						OffsetSpec.latest()));
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = this.admin
				.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
				.all()
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			Map<TopicPartition, Long> end = new HashMap<>();
			offsets.forEach((partition, info) -> end.put(partition, info.offset()));
			return end;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
				return Map.of();
			}
			throw new IllegalStateException("Cannot read the end offsets of " + Topics.PROGRESS, ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Cannot read the end offsets of " + Topics.PROGRESS + " in " + timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(1));
	}

}
