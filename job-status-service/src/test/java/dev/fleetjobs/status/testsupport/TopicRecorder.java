package dev.fleetjobs.status.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.fleetjobs.contracts.CloudEventHeaders;
import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.TypeNames;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.SmartLifecycle;

import static org.awaitility.Awaitility.await;

/**
 * Records, read_committed and from the beginning, what the service writes (progress,
 * device results, lifecycle dead letters), and publishes lifecycle events as
 * job-executor-service does (JSON, {@code __TypeId__} logical name, CloudEvents headers,
 * keyed by jobId). Tests find their records by jobId, so they never see each other's.
 */
@TestComponent
public class TopicRecorder implements SmartLifecycle {

	private static final List<String> TOPICS = List.of(Topics.PROGRESS, Topics.DEVICE_RESULTS, Topics.LIFECYCLE_DLT);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String brokers;

	private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	private KafkaConsumer<String, byte[]> consumer;

	private KafkaProducer<String, byte[]> producer;

	public TopicRecorder(@Value("${spring.kafka.bootstrap-servers}") String brokers) {
		this.brokers = brokers;
	}

	@Override
	public void start() {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class, ProducerConfig.ACKS_CONFIG,
				"all"));
		this.running = true;
		Thread thread = new Thread(this::record, "topic-recorder");
		thread.setDaemon(true);
		thread.start();
	}

	private void record() {
		try {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : TOPICS) {
				List<TopicPartition> found = List.of();
				while (this.running && found.isEmpty()) {
					found = this.consumer.partitionsFor(topic)
						.stream()
						.map((info) -> new TopicPartition(topic, info.partition()))
						.toList();
				}
				partitions.addAll(found);
			}
			this.consumer.assign(partitions);
			this.consumer.seekToBeginning(partitions);
			while (this.running) {
				this.consumer.poll(Duration.ofMillis(100)).forEach(this.records::add);
			}
		}
		catch (WakeupException ex) {
			// stopping
		}
		finally {
			this.consumer.close(Duration.ofSeconds(1));
		}
	}

	/** Publishes a lifecycle event as the executor does, keyed by its jobId. */
	public void publish(String jobId, Object event) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.LIFECYCLE, jobId,
				JSON.writeValueAsBytes(event));
		record.headers().add("__TypeId__", TypeNames.of(event.getClass()).getBytes(StandardCharsets.UTF_8));
		CloudEventHeaders.of(event, "/job-executor-service", jobId)
			.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		send(record);
	}

	/** Sends raw bytes to {@code fleetjobs.lifecycle}. */
	public void publishRaw(String key, byte[] value, Header... headers) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.LIFECYCLE, key, value);
		for (Header header : headers) {
			record.headers().add(header);
		}
		send(record);
	}

	private void send(ProducerRecord<String, byte[]> record) {
		try {
			this.producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
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
	public JobProgress awaitProgress(String jobId, java.util.function.Predicate<JobProgress> match, Duration timeout) {
		return await().atMost(timeout)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> progress(jobId).stream().filter(match).findFirst().orElse(null),
					(progress) -> progress != null);
	}

	/** Waits for a dead letter with this key. */
	public ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> of(Topics.LIFECYCLE_DLT, key).stream().findFirst().orElse(null), (record) -> record != null);
	}

	public List<ConsumerRecord<String, byte[]>> of(String topic, String key) {
		return this.records.stream()
			.filter((record) -> record.topic().equals(topic) && key.equals(record.key()))
			.toList();
	}

	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void stop() {
		this.running = false;
		this.consumer.wakeup();
		this.producer.close(Duration.ofSeconds(1));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
