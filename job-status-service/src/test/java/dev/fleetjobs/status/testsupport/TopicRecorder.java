package dev.fleetjobs.status.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import dev.fleetjobs.contracts.CloudEventHeaders;
import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.TypeNames;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.support.testing.KafkaTopicRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;

import static org.awaitility.Awaitility.await;

/**
 * Records, read_committed and from the beginning, what the service writes (progress,
 * device results, lifecycle dead letters), and publishes lifecycle events as
 * job-executor-service does (JSON, {@code __TypeId__} logical name, CloudEvents headers,
 * keyed by jobId). Tests find their records by jobId, so they never see each other's.
 */
@TestComponent
public class TopicRecorder extends KafkaTopicRecorder {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public TopicRecorder(@Value("${spring.kafka.bootstrap-servers}") String brokers) {
		super(brokers, List.of(Topics.PROGRESS, Topics.DEVICE_RESULTS, Topics.LIFECYCLE_DLT), true);
	}

	/** Publishes a lifecycle event as the executor does, keyed by its jobId. */
	public void publish(String jobId, Object event) {
		List<Header> headers = new ArrayList<>();
		headers.add(new RecordHeader("__TypeId__", TypeNames.of(event.getClass()).getBytes(StandardCharsets.UTF_8)));
		CloudEventHeaders.of(event, "/job-executor-service", jobId)
			.forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
		send(Topics.LIFECYCLE, jobId, JSON.writeValueAsBytes(event), headers.toArray(Header[]::new));
	}

	/** Sends raw bytes to {@code fleetjobs.lifecycle}. */
	public void publishRaw(String key, byte[] value, Header... headers) {
		send(Topics.LIFECYCLE, key, value, headers);
	}

	/** The job's progress events so far, in the order they were written. */
	public List<JobProgress> progress(String jobId) {
		return of(Topics.PROGRESS, jobId).stream()
			.map((record) -> JSON.readValue(record.value(), JobProgress.class))
			.toList();
	}

	/** The job's device results so far. */
	public List<DeviceResult> results(String jobId) {
		return of(Topics.DEVICE_RESULTS, jobId).stream()
			.map((record) -> JSON.readValue(record.value(), DeviceResult.class))
			.toList();
	}

	/** Waits for the job's final progress event (results complete). */
	public JobProgress awaitFinal(String jobId, Duration timeout) {
		return await().atMost(timeout)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> progress(jobId).stream()
				.filter(JobProgress::resultsComplete)
				.max(Comparator.comparingLong(JobProgress::sequence))
				.orElse(null), (progress) -> progress != null);
	}

	/** Waits for a progress event of the job that matches. */
	public JobProgress awaitProgress(String jobId, Predicate<JobProgress> match, Duration timeout) {
		return await().atMost(timeout)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> progress(jobId).stream().filter(match).findFirst().orElse(null),
					(progress) -> progress != null);
	}

	/** Waits for a dead letter with this key. */
	public ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
		return awaitRecord(Topics.LIFECYCLE_DLT, (record) -> key.equals(record.key()), Duration.ofSeconds(20));
	}

	public List<ConsumerRecord<String, byte[]>> of(String topic, String key) {
		return records(topic, key);
	}

}
