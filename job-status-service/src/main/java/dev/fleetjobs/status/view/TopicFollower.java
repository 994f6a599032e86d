package dev.fleetjobs.status.view;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.TypeNames;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.support.lifecycle.BackgroundThread;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads every partition of {@code fleetjobs.progress}, {@code fleetjobs.lifecycle} and
 * {@code fleetjobs.device-results} from the beginning (read_committed, no consumer group,
 * no commits) into the view, on one thread, and keeps following them; new partitions and
 * topics are picked up every {@code partitionRefresh}. Unreadable records are skipped
 * (the lifecycle listener dead-letters those of the lifecycle topic).
 */
@Component
class TopicFollower extends BackgroundThread {

	private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

	static final List<String> TOPICS = List.of(Topics.PROGRESS, Topics.LIFECYCLE, Topics.DEVICE_RESULTS);

	private final ConsumerFactory<Object, Object> consumers;

	private final JobViewStore store;

	private final Duration refresh;

	private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

	private volatile boolean refreshNow;

	private volatile Consumer<Object, Object> consumer;

	TopicFollower(ConsumerFactory<Object, Object> consumers, JobViewStore store, ViewProperties properties) {
		super("job-view-follower");
		this.consumers = consumers;
		this.store = store;
		this.refresh = properties.partitionRefresh();
	}

	@Override
	public void start() {
		java.util.Properties overrides = new java.util.Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
		this.consumer = this.consumers.createConsumer(null, "job-status-view", null, overrides);
		super.start();
	}

	@Override
	protected void work() {
		Set<TopicPartition> assigned = new HashSet<>();
		long nextRefresh = 0;
		try {
			while (isRunning()) {
				if (this.refreshNow || System.nanoTime() >= nextRefresh) {
					this.refreshNow = false;
					assign(assigned);
					nextRefresh = System.nanoTime() + this.refresh.toNanos();
				}
				if (assigned.isEmpty()) {
					Thread.sleep(200);
					continue;
				}
				ConsumerRecords<Object, Object> records = this.consumer.poll(Duration.ofMillis(200));
				records.forEach(this::apply);
				for (TopicPartition partition : assigned) {
					this.positions.put(partition, this.consumer.position(partition, Duration.ofSeconds(5)));
				}
			}
		}
		catch (WakeupException | InterruptedException ex) {
			// stopping
		}
		catch (RuntimeException ex) {
			log.error("The job view stopped following the topics", ex);
		}
		finally {
			this.consumer.close(Duration.ofSeconds(2));
		}
	}

	private void assign(Set<TopicPartition> assigned) {
		List<TopicPartition> found = new ArrayList<>();
		for (String topic : TOPICS) {
			List<PartitionInfo> infos = this.consumer.listTopics(Duration.ofSeconds(5)).get(topic);
			if (infos != null) {
				infos.forEach((info) -> found.add(new TopicPartition(topic, info.partition())));
			}
		}
		List<TopicPartition> added = found.stream().filter((partition) -> !assigned.contains(partition)).toList();
		if (!added.isEmpty()) {
			assigned.addAll(added);
			this.consumer.assign(assigned);
			this.consumer.seekToBeginning(added);
			log.info("The job view follows {} partition(s) of {}", assigned.size(), TOPICS);
		}
	}

	private void apply(ConsumerRecord<Object, Object> record) {
		Object value = record.value();
		String jobId = (record.key() != null) ? record.key().toString() : null;
		if (value == null || jobId == null) {
			return;
		}
		if (value instanceof JobProgress progress && record.topic().equals(Topics.PROGRESS)) {
			this.store.progress(progress);
		}
		else if (value instanceof DeviceResult result && record.topic().equals(Topics.DEVICE_RESULTS)) {
			this.store.result(result);
		}
		else if (record.topic().equals(Topics.LIFECYCLE) && TypeNames.all().containsValue(value.getClass())
				&& value.getClass().getPackageName().equals(JobQueued.class.getPackageName())) {
			this.store.lifecycle(jobId, TypeNames.of(value.getClass()), value);
		}
	}

	/**
	 * Whether every partition of the topic has been read at least up to the given
	 * offsets; asks for a partition refresh when one of them is not followed yet.
	 */
	boolean caughtUp(Map<TopicPartition, Long> endOffsets) {
		boolean caughtUp = true;
		for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
			Long position = this.positions.get(end.getKey());
			if (position == null) {
				this.refreshNow = true;
				caughtUp = caughtUp && end.getValue() == 0;
			}
			else if (position < end.getValue()) {
				caughtUp = false;
			}
		}
		return caughtUp;
	}

	/** Whether the follower thread is alive and reading. */
	boolean following() {
		return alive();
	}

	/** How many partitions the view follows. */
	int partitions() {
		return this.positions.size();
	}

	@Override
	protected void wakeUp(Thread thread) {
		Consumer<Object, Object> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
	}

	/**
	 * Follows the topics before the tracking listener starts (it rebuilds from the view).
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2000;
	}

}
