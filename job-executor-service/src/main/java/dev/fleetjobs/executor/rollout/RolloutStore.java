package dev.fleetjobs.executor.rollout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.executor.rollout.RolloutRecord.Cursor;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code fleetjobs.rollouts}: writes a rollout's records (JSON bytes, on its partition,
 * inside the caller's Kafka transaction) and reads a partition back from the beginning,
 * committed records only, the latest value per key.
 */
@Component
class RolloutStore {

	static final String CURSOR_PREFIX = "~cursor/";

	private static final Duration MAX_READ = Duration.ofMinutes(2);

	private static final TypeReference<List<String>> IDS = new TypeReference<>() {
	};

	private final KafkaTemplate<String, Object> kafka;

	private final ConsumerFactory<String, byte[]> consumers;

	private final JsonMapper json;

	@SuppressWarnings("unchecked")
	RolloutStore(KafkaTemplate<String, Object> kafka, ConsumerFactory<String, Object> consumers, JsonMapper json) {
		this.kafka = kafka;
		this.consumers = new DefaultKafkaConsumerFactory<>(consumers.getConfigurationProperties(),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.json = json;
	}

	void rollout(RolloutRun run) {
		send(run.partition, run.jobId(), run.toRecord());
	}

	void chunk(RolloutRun run, int chunk, List<String> ids) {
		send(run.partition, chunkKey(run.jobId(), chunk), ids);
	}

	void cancel(String jobId, int partition, CancelJob cancel) {
		send(partition, cancelKey(jobId), cancel);
	}

	/** Deletes what an ended rollout no longer needs: its targets and its cancel. */
	void forgetDetails(RolloutRun run, int chunks) {
		for (int chunk = 0; chunk < chunks; chunk++) {
			send(run.partition, chunkKey(run.jobId(), chunk), null);
		}
		send(run.partition, cancelKey(run.jobId()), null);
	}

	void cursor(int partition, Cursor cursor) {
		send(partition, CURSOR_PREFIX + partition, cursor);
	}

	private void send(int partition, String key, Object value) {
		byte[] bytes = (value != null) ? this.json.writeValueAsBytes(value) : null;
		this.kafka.send(new ProducerRecord<>(Topics.ROLLOUTS, partition, key, bytes));
	}

	/** One partition's committed rollouts, their targets and cancels, and its cursor. */
	Partition read(int partition) {
		Map<String, byte[]> latest = new HashMap<>();
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
		try (Consumer<String, byte[]> consumer = this.consumers.createConsumer(null, "rollouts-replay-" + partition,
				null, overrides)) {
			TopicPartition topicPartition = new TopicPartition(Topics.ROLLOUTS, partition);
			if (consumer.partitionsFor(Topics.ROLLOUTS).stream().noneMatch((info) -> info.partition() == partition)) {
				throw new IllegalStateException(Topics.ROLLOUTS + " has no partition " + partition + "; it needs as "
						+ "many partitions as " + Topics.COMMANDS);
			}
			consumer.assign(List.of(topicPartition));
			consumer.seekToBeginning(List.of(topicPartition));
			long end = consumer.endOffsets(List.of(topicPartition)).get(topicPartition);
			long deadline = System.nanoTime() + MAX_READ.toNanos();
			while (consumer.position(topicPartition) < end) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Reading " + topicPartition + " took longer than " + MAX_READ);
				}
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() < end && record.key() != null) {
						latest.put(record.key(), record.value());
					}
				}
			}
		}
		return parse(partition, latest);
	}

	private Partition parse(int partition, Map<String, byte[]> latest) {
		Map<String, RolloutRecord> rollouts = new HashMap<>();
		Map<String, TreeMap<Integer, List<String>>> chunks = new HashMap<>();
		Map<String, CancelJob> cancels = new HashMap<>();
		Cursor cursor = null;
		for (Map.Entry<String, byte[]> entry : latest.entrySet()) {
			String key = entry.getKey();
			byte[] value = entry.getValue();
			if (value == null) {
				continue;
			}
			if (key.startsWith(CURSOR_PREFIX)) {
				cursor = this.json.readValue(value, Cursor.class);
			}
			else if (key.contains("/targets/")) {
				String jobId = key.substring(0, key.indexOf('/'));
				int chunk = Integer.parseInt(key.substring(key.lastIndexOf('/') + 1));
				chunks.computeIfAbsent(jobId, (id) -> new TreeMap<>()).put(chunk, this.json.readValue(value, IDS));
			}
			else if (key.endsWith("/cancel")) {
				cancels.put(key.substring(0, key.indexOf('/')), this.json.readValue(value, CancelJob.class));
			}
			else {
				rollouts.put(key, this.json.readValue(value, RolloutRecord.class));
			}
		}
		List<RolloutRun> runs = new ArrayList<>();
		for (RolloutRecord record : rollouts.values()) {
			String jobId = record.command().jobId();
			List<List<String>> targets = new ArrayList<>(chunks.getOrDefault(jobId, new TreeMap<>()).values());
			runs.add(RolloutRun.from(record, targets, cancels.get(jobId)));
		}
		return new Partition(partition, runs, cursor);
	}

	static String chunkKey(String jobId, int chunk) {
		return jobId + "/targets/" + chunk;
	}

	static String cancelKey(String jobId) {
		return jobId + "/cancel";
	}

	/** What a partition of {@code fleetjobs.rollouts} holds. */
	record Partition(int partition, List<RolloutRun> runs, Cursor cursor) {
	}

}
