import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka ingress benchmark's client (run as a single-file program with the broker's
 * classpath):
 *
 * produce <bootstrap> <count> <run>   sends <count> valid job requests to fleetjobs.requests
 * measure <bootstrap> <count> <secs> <run>  waits for the <count> ScheduleJob commands of that
 *                                     run on fleetjobs.commands and prints their rate, from the
 *                                     first command's timestamp to the last's
 */
public class IngressBench {

	public static void main(String[] args) throws Exception {
		String bootstrap = args[1];
		int count = Integer.parseInt(args[2]);
		if (args[0].equals("produce")) {
			produce(bootstrap, count, args[3]);
		}
		else {
			measure(bootstrap, count, Integer.parseInt(args[3]), args[4]);
		}
	}

	static void produce(String bootstrap, int count, String run) throws Exception {
		Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 10,
				"batch.size", 262144, "key.serializer", StringSerializer.class, "value.serializer",
				StringSerializer.class);
		long start = System.nanoTime();
		AtomicReference<Exception> failure = new AtomicReference<>();
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			for (int i = 0; i < count; i++) {
				String requestId = "bench-" + run + "-" + i;
				String json = "{\"requestId\":\"" + requestId + "\",\"target\":{\"tags\":{\"building\":43,\"floor\":"
						+ (i % 10) + "}},\"action\":{\"directMethod\":{\"methodName\":\"lockDoor\","
						+ "\"payload\":{\"lockTime\":\"10m\"},\"responseTimeoutInSeconds\":60}},"
						+ "\"maxExecutionTimeInSeconds\":600,\"labels\":{\"source\":\"bench\"}}";
				producer.send(new ProducerRecord<>("fleetjobs.requests", requestId, json), (metadata, ex) -> {
					if (ex != null) {
						failure.set(ex);
					}
				});
			}
			producer.flush();
		}
		if (failure.get() != null) {
			throw failure.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("produced %d requests in %.2f s%n", count, seconds);
	}

	static void measure(String bootstrap, int count, int timeoutSeconds, String run) {
		String marker = "\"requestId\":\"bench-" + run + "-";
		Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "key.deserializer",
				StringDeserializer.class, "value.deserializer", ByteArrayDeserializer.class, "max.poll.records", 5000,
				"allow.auto.create.topics", false);
		long first = Long.MAX_VALUE;
		long last = Long.MIN_VALUE;
		int seen = 0;
		long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
			List<TopicPartition> partitions = consumer.partitionsFor("fleetjobs.commands")
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			while (seen < count && System.currentTimeMillis() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					Header type = record.headers().lastHeader("__TypeId__");
					if (type != null && new String(type.value(), StandardCharsets.UTF_8).equals("ScheduleJob")
							&& new String(record.value(), StandardCharsets.UTF_8).contains(marker)) {
						seen++;
						first = Math.min(first, record.timestamp());
						last = Math.max(last, record.timestamp());
					}
				}
			}
		}
		if (seen < count) {
			System.out.printf("ingress: only %d of %d commands within %d s%n", seen, count, timeoutSeconds);
			System.exit(1);
		}
		double seconds = Math.max(last - first, 1) / 1000.0;
		System.out.printf("ingress: %d commands in %.2f s = %.0f commands/s%n", seen, seconds, seen / seconds);
	}

}
