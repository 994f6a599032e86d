package dev.fleetjobs.status.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.fleetjobs.contracts.CloudEventHeaders;
import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.TypeNames;
import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.contracts.progress.JobProgress;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's Kafka side: publishes JobSubmitted as the executor does, and watches
 * {@code fleetjobs.progress} and {@code fleetjobs.device-results} (read_committed) with
 * the time each event became visible.
 */
final class BenchKafka implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KafkaProducer<String, byte[]> producer;

	private final KafkaConsumer<String, byte[]> consumer;

	private final Map<String, Instant> terminalSeen = new ConcurrentHashMap<>();

	private final Map<String, JobProgress> terminals = new ConcurrentHashMap<>();

	private final Map<String, JobProgress> finals = new ConcurrentHashMap<>();

	private final Map<String, Instant> finalSeen = new ConcurrentHashMap<>();

	private final Map<String, Results> results = new ConcurrentHashMap<>();

	private final Thread thread;

	private volatile boolean running = true;

	BenchKafka(String bootstrap) {
		this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all", "key.serializer",
				StringSerializer.class, "value.serializer", ByteArraySerializer.class));
		this.consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed",
				"key.deserializer", StringDeserializer.class, "value.deserializer", ByteArrayDeserializer.class,
				"max.poll.records", 5000));
		List<TopicPartition> partitions = new java.util.ArrayList<>();
		for (String topic : List.of(Topics.PROGRESS, Topics.DEVICE_RESULTS)) {
			this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
		}
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		partitions.forEach((partition) -> this.consumer.position(partition));
		this.thread = new Thread(this::watch, "bench-watch");
		this.thread.start();
	}

	void submitted(String jobId, JobType type) {
		JobSubmitted event = new JobSubmitted(jobId, null, type, "bench", Instant.now(), 600, "queued", Instant.now(),
				1, Map.of("source", "bench"), Instant.now());
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.LIFECYCLE, jobId,
				JSON.writeValueAsBytes(event));
		record.headers().add("__TypeId__", TypeNames.of(JobSubmitted.class).getBytes(StandardCharsets.UTF_8));
		CloudEventHeaders.of(event, "/bench", jobId)
			.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		try {
			this.producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void watch() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(50))) {
					Instant now = Instant.now();
					if (record.topic().equals(Topics.PROGRESS)) {
						JobProgress progress = JSON.readValue(record.value(), JobProgress.class);
						if (progress.status().isTerminal()
								&& this.terminalSeen.putIfAbsent(progress.jobId(), now) == null) {
							this.terminals.put(progress.jobId(), progress);
						}
						if (progress.resultsComplete()) {
							this.finalSeen.putIfAbsent(progress.jobId(), now);
							this.finals.put(progress.jobId(), progress);
						}
					}
					else {
						this.results.computeIfAbsent(record.key(), (key) -> new Results()).add(record);
					}
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
	}

	JobProgress awaitFinal(String jobId, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.finals.containsKey(jobId)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("No final progress event for " + jobId + " within " + timeout);
			}
			Thread.sleep(20);
		}
		return this.finals.get(jobId);
	}

	Instant terminalSeenAt(String jobId) {
		return this.terminalSeen.get(jobId);
	}

	/** When the service observed the job's end on the hub (its first terminal event). */
	Instant terminalObservedAt(String jobId) {
		return this.terminals.get(jobId).observedAt();
	}

	Instant finalSeenAt(String jobId) {
		return this.finalSeen.get(jobId);
	}

	Results results(String jobId, int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.results.getOrDefault(jobId, new Results()).distinct() < count && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		return this.results.getOrDefault(jobId, new Results());
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.thread.join(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.consumer.close();
		this.producer.close();
	}

	/** The device results of one job, with their record timestamps. */
	static final class Results {

		private final Set<String> devices = new HashSet<>();

		private long first = Long.MAX_VALUE;

		private long last = Long.MIN_VALUE;

		synchronized void add(ConsumerRecord<String, byte[]> record) {
			String json = new String(record.value(), StandardCharsets.UTF_8);
			int at = json.indexOf("\"deviceId\":\"") + 12;
			this.devices.add(json.substring(at, json.indexOf('"', at)));
			this.first = Math.min(this.first, record.timestamp());
			this.last = Math.max(this.last, record.timestamp());
		}

		synchronized int distinct() {
			return this.devices.size();
		}

		synchronized double spanSeconds() {
			return (this.last - this.first) / 1000.0;
		}

	}

}
