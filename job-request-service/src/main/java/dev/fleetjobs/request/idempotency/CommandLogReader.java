package dev.fleetjobs.request.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.rollout.Rollout;
import dev.fleetjobs.support.lifecycle.BackgroundThread;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.mapping.AbstractJavaTypeMapper;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the {@link RequestIndex} from {@code fleetjobs.commands}: reads every
 * partition from the beginning at start (without a consumer group, so every instance sees
 * everything), marks the index ready once it reaches the end offsets it saw at start, and
 * keeps tailing the topic for the commands of other instances.
 */
@Component
class CommandLogReader extends BackgroundThread {

	private static final Logger log = LoggerFactory.getLogger(CommandLogReader.class);

	/**
	 * Commands of newer versions (new fields, new enum values in a rollout) still get
	 * their index entry.
	 */
	private static final JsonMapper LENIENT = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
		.build();

	private final ConsumerFactory<?, ?> consumers;

	private final RequestIndex index;

	private final IdempotencyProperties properties;

	private volatile Consumer<String, byte[]> consumer;

	CommandLogReader(ConsumerFactory<?, ?> consumers, RequestIndex index, IdempotencyProperties properties) {
		super("command-log-reader");
		this.consumers = consumers;
		this.index = index;
		this.properties = properties;
	}

	@Override
	protected void wakeUp(Thread thread) {
		Consumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
	}

	@Override
	protected void work() {
		while (isRunning()) {
			try (Consumer<String, byte[]> reader = createConsumer()) {
				this.consumer = reader;
				read(reader);
			}
			catch (WakeupException ex) {
				// stopping
			}
			catch (KafkaException ex) {
				log.warn("Reading {} failed ({}); retrying", Topics.COMMANDS, ex.toString());
				pause();
			}
		}
	}

	@SuppressWarnings("unchecked")
	private Consumer<String, byte[]> createConsumer() {
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		overrides.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
		return (Consumer<String, byte[]>) this.consumers.createConsumer(null, "command-log-reader", null, overrides);
	}

	private void read(Consumer<String, byte[]> reader) {
		List<TopicPartition> partitions = List.of();
		while (isRunning() && partitions.isEmpty()) {
			partitions = reader.partitionsFor(Topics.COMMANDS)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			if (partitions.isEmpty()) {
				pause();
			}
		}
		reader.assign(partitions);
		reader.seekToBeginning(partitions);
		Map<TopicPartition, Long> endAtStart = reader.endOffsets(partitions);
		while (isRunning()) {
			for (ConsumerRecord<String, byte[]> record : reader.poll(this.properties.pollTimeout())) {
				apply(record);
			}
			if (!this.index.isReady() && endAtStart.entrySet()
				.stream()
				.allMatch((end) -> reader.position(end.getKey()) >= end.getValue())) {
				this.index.markReady();
				log.info("Idempotency index ready: {} jobs read from {}", this.index.size(), Topics.COMMANDS);
			}
		}
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		String type = header(record, AbstractJavaTypeMapper.DEFAULT_CLASSID_FIELD_NAME);
		try {
			if ("ScheduleJob".equals(type) && record.key() != null && this.index.contains(record.key())) {
				// this instance's own command (or one it already read): nothing to parse
				this.index.published(record.key());
			}
			else if ("ScheduleJob".equals(type)) {
				CommandSummary command = LENIENT.readValue(record.value(), CommandSummary.class);
				this.index.scheduled(command.jobId(), command.requestId(), header(record, RequestFingerprint.HEADER),
						command.jobType(), command.acceptedAt(), command.rollout());
			}
			else if ("CancelJob".equals(type) && record.key() != null) {
				this.index.cancelRequested(record.key());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Skipping unreadable command at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.getMessage());
		}
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			halt();
		}
	}

	/** The part of a ScheduleJob the index needs. */
	record CommandSummary(String jobId, String requestId, JobType jobType, Instant acceptedAt, Rollout rollout) {
	}

}
