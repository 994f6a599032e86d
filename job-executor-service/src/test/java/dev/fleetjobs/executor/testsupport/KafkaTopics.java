package dev.fleetjobs.executor.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import dev.fleetjobs.contracts.CloudEventHeaders;
import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.TypeNames;
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

import static org.awaitility.Awaitility.await;

/**
 * The upstream and downstream of the service under test: sends commands to
 * {@code fleetjobs.commands} as job-request-service does (JSON, logical
 * {@code __TypeId__}, CloudEvents headers, key = jobId), and records
 * {@code fleetjobs.lifecycle} and {@code fleetjobs.commands.dlt} from the beginning as a
 * downstream consumer sees them: committed records only ({@code read_committed}).
 */
public final class KafkaTopics implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();

	private final KafkaConsumer<String, byte[]> consumer;

	private final KafkaProducer<String, byte[]> producer;

	private final Thread thread;

	private volatile boolean running = true;

	public KafkaTopics(@Value("${spring.kafka.bootstrap-servers}") String brokers) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
				false, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
		this.thread = new Thread(this::record, "kafka-topics-recorder");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void record() {
		try {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : List.of(Topics.LIFECYCLE, Topics.COMMANDS_DLT)) {
				while (this.running && this.consumer.partitionsFor(topic).isEmpty()) {
					Thread.sleep(50);
				}
				this.consumer.partitionsFor(topic)
					.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
			}
			this.consumer.assign(partitions);
			this.consumer.seekToBeginning(partitions);
			while (this.running) {
				this.consumer.poll(Duration.ofMillis(100)).forEach(this.records::add);
			}
		}
		catch (WakeupException | InterruptedException ex) {
			// closing
		}
		finally {
			this.consumer.close(Duration.ofSeconds(1));
		}
	}

	/** Sends a command as job-request-service does, and waits for the broker's ack. */
	public void send(String jobId, Object command) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.COMMANDS, jobId,
				JSON.writeValueAsBytes(command));
		record.headers().add("__TypeId__", TypeNames.of(command.getClass()).getBytes(StandardCharsets.UTF_8));
		CloudEventHeaders.of(command, "/job-request-service", jobId)
			.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		sendRaw(record);
	}

	/** Sends any bytes with any headers (poison pills). */
	public void sendRaw(ProducerRecord<String, byte[]> record) {
		try {
			this.producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka did not take the record", ex);
		}
	}

	/** The lifecycle events of a job so far, in order, read as their logical types. */
	public List<Object> events(String jobId) {
		return this.records.stream()
			.filter((record) -> record.topic().equals(Topics.LIFECYCLE) && jobId.equals(record.key()))
			.map(KafkaTopics::read)
			.toList();
	}

	public <T> List<T> events(String jobId, Class<T> type) {
		return events(jobId).stream().filter(type::isInstance).map(type::cast).toList();
	}

	/** The lifecycle records of a job, with their headers. */
	public List<ConsumerRecord<String, byte[]>> lifecycleRecords(String jobId) {
		return matching((record) -> record.topic().equals(Topics.LIFECYCLE) && jobId.equals(record.key()));
	}

	/** Waits (20 s at most) for an event of this type for the job. */
	public <T> T awaitEvent(String jobId, Class<T> type) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> events(jobId, type).stream().findFirst().orElse(null), (event) -> event != null);
	}

	/** Waits (20 s at most) for a dead letter with this key. */
	public ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> deadLetters(key).stream().findFirst().orElse(null), (record) -> record != null);
	}

	public List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
		return matching((record) -> record.topic().equals(Topics.COMMANDS_DLT) && key.equals(record.key()));
	}

	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> match) {
		return this.records.stream().filter(match).toList();
	}

	private static Object read(ConsumerRecord<String, byte[]> record) {
		Class<?> type = TypeNames.all().get(header(record, "__TypeId__"));
		return JSON.readValue(record.value(), type);
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		this.producer.close(Duration.ofSeconds(1));
	}

}
