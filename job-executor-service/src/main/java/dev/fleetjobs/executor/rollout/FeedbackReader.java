package dev.fleetjobs.executor.rollout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.rollout.RolloutHeaders;
import dev.fleetjobs.executor.rollout.RolloutRecord.Cursor;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * The engine's view of job-status-service's output for its rollouts: the progress and
 * device-results partitions of the partitions this instance owns, read_committed and
 * without a consumer group (the position is kept in {@code fleetjobs.rollouts} with the
 * state it produced). Only records with the {@code fleetjobs_rollout} header are parsed;
 * plain jobs' records pass by unread. Used by the engine thread only.
 */
final class FeedbackReader implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(FeedbackReader.class);

	private final Consumer<String, Object> consumer;

	private final Set<Integer> assigned = new HashSet<>();

	private final Set<Integer> unseeked = new HashSet<>();

	private final Map<Integer, Cursor> cursors = new HashMap<>();

	private boolean ready;

	private boolean topicsLate;

	private long lastTry;

	FeedbackReader(ConsumerFactory<String, Object> consumers, JsonMapper json) {
		Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "rollout-feedback");
		this.consumer = new DefaultKafkaConsumerFactory<String, Object>(config, new StringDeserializer(),
				new RolloutOnly(json))
			.createConsumer();
	}

	/**
	 * Follows these partitions from now on: new ones from their cursor, or without one
	 * from their end (no wave of theirs started, so none of their feedback exists). While
	 * job-status-service has not created its topics yet, the assignment waits (retried at
	 * each poll); partitions assigned then start from the beginning of the new topics.
	 */
	void assign(Collection<Integer> partitions, Map<Integer, Cursor> cursors) {
		Set<Integer> added = new HashSet<>(partitions);
		added.removeAll(this.assigned);
		this.assigned.clear();
		this.assigned.addAll(partitions);
		this.cursors.clear();
		this.cursors.putAll(cursors);
		this.unseeked.addAll(added);
		this.unseeked.retainAll(this.assigned);
		tryAssign();
	}

	private void tryAssign() {
		if (!topicsExist()) {
			this.ready = false;
			this.topicsLate = true;
			this.consumer.assign(List.of());
			return;
		}
		List<TopicPartition> all = new ArrayList<>();
		for (int partition : this.assigned) {
			all.add(progress(partition));
			all.add(results(partition));
		}
		this.consumer.assign(all);
		for (int partition : this.unseeked) {
			Cursor cursor = this.cursors.get(partition);
			if (cursor != null) {
				this.consumer.seek(progress(partition), cursor.progress());
				this.consumer.seek(results(partition), cursor.results());
			}
			else if (this.topicsLate) {
				this.consumer.seekToBeginning(List.of(progress(partition), results(partition)));
			}
			else {
				this.consumer.seekToEnd(List.of(progress(partition), results(partition)));
			}
		}
		this.unseeked.clear();
		this.ready = true;
	}

	private boolean topicsExist() {
		try {
			return !this.consumer.partitionsFor(Topics.PROGRESS, Duration.ofSeconds(1)).isEmpty()
					&& !this.consumer.partitionsFor(Topics.DEVICE_RESULTS, Duration.ofSeconds(1)).isEmpty();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** The rollout records that arrived, oldest first per partition; empty if none. */
	List<Feedback> poll(Duration timeout) {
		List<Feedback> feedback = new ArrayList<>();
		if (this.assigned.isEmpty()) {
			return feedback;
		}
		if (!this.ready) {
			if (System.nanoTime() - this.lastTry < 1_000_000_000L) {
				sleep(timeout);
				return feedback;
			}
			this.lastTry = System.nanoTime();
			tryAssign();
			if (!this.ready) {
				return feedback;
			}
		}
		ConsumerRecords<String, Object> records;
		try {
			records = this.consumer.poll(timeout);
		}
		catch (WakeupException ex) {
			return feedback;
		}
		for (ConsumerRecord<String, Object> record : records) {
			if (record.value() instanceof JobProgress progress && progress.rollout() != null) {
				feedback.add(new Feedback(record.partition(), progress, null));
			}
			else if (record.value() instanceof DeviceResult result && result.wave() != null) {
				feedback.add(new Feedback(record.partition(), null, result));
			}
		}
		return feedback;
	}

	/**
	 * Makes a poll in progress (or the next one) return at once; any thread may call it.
	 */
	void wakeup() {
		this.consumer.wakeup();
	}

	/**
	 * Where the partition's feedback has been read up to, or {@code null} while its
	 * topics are not followed yet.
	 */
	Cursor position(int partition) {
		if (!this.ready || !this.assigned.contains(partition)) {
			return this.cursors.get(partition);
		}
		return new Cursor(this.consumer.position(progress(partition)), this.consumer.position(results(partition)));
	}

	private static void sleep(Duration timeout) {
		try {
			Thread.sleep(Math.min(timeout.toMillis(), 100));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	Set<Integer> assigned() {
		return Set.copyOf(this.assigned);
	}

	private static TopicPartition progress(int partition) {
		return new TopicPartition(Topics.PROGRESS, partition);
	}

	private static TopicPartition results(int partition) {
		return new TopicPartition(Topics.DEVICE_RESULTS, partition);
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(2));
	}

	/** A rollout's progress event or one of its device results. */
	record Feedback(int partition, JobProgress progress, DeviceResult result) {
	}

	/**
	 * Parses a record only when it carries the rollout header: progress events as
	 * {@link JobProgress}, device results as {@link DeviceResult}; anything else, or
	 * anything unreadable, is {@code null} (skipped).
	 */
	static final class RolloutOnly implements Deserializer<Object> {

		private final JsonMapper json;

		RolloutOnly(JsonMapper json) {
			this.json = json;
		}

		@Override
		public Object deserialize(String topic, byte[] data) {
			return null;
		}

		@Override
		public Object deserialize(String topic, Headers headers, byte[] data) {
			Header rollout = headers.lastHeader(RolloutHeaders.ROLLOUT);
			if (data == null || rollout == null
					|| !"true".equals(new String(rollout.value(), StandardCharsets.UTF_8))) {
				return null;
			}
			try {
				Class<?> type = Topics.PROGRESS.equals(topic) ? JobProgress.class : DeviceResult.class;
				return this.json.readValue(data, type);
			}
			catch (RuntimeException ex) {
				log.warn("A rollout record on {} could not be read; skipped: {}", topic, ex.getMessage());
				return null;
			}
		}

	}

}
