package dev.fleetjobs.launcher.demo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.progress.JobProgress;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows {@code fleetjobs.progress} (committed records only) and keeps the latest event
 * per job. It reads from the end of the topic as it was when it started, so it must be
 * started before the jobs it watches are submitted.
 */
public final class ProgressWatcher implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final KafkaConsumer<String, String> consumer;

	private final Map<String, JobProgress> latest = new ConcurrentHashMap<>();

	public ProgressWatcher(String bootstrapServers) {
		this.consumer = TopicTail.fromEnd(bootstrapServers, Topics.PROGRESS, Map.of(), new StringDeserializer(),
				new StringDeserializer());
	}

	/** Reads what arrived within the timeout. */
	public void poll(Duration timeout) {
		for (ConsumerRecord<String, String> record : this.consumer.poll(timeout)) {
			if (record.value() == null) {
				continue;
			}
			JobProgress progress = JSON.readValue(record.value(), JobProgress.class);
			this.latest.merge(progress.jobId(), progress,
					(old, candidate) -> (candidate.sequence() >= old.sequence()) ? candidate : old);
		}
	}

	public JobProgress latest(String jobId) {
		return this.latest.get(jobId);
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(2));
	}

}
