import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The executor benchmark's client (a single-file program on the broker's classpath).
 *
 * latency <bootstrap> <rate/s> <seconds> <run> <csv> <warm-up seconds> <metrics url> <scrape file>
 *     sends ScheduleJob commands at a steady rate for the warm-up (not measured; in this JVM, so
 *     that its own start-up and JIT are over too), saves a scrape of the metrics url, and then,
 *     per job, measures from the moment the command was sent to Kafka to the hub's createdTime
 *     of the job (the JobSubmitted event carries it) and to the moment the committed JobSubmitted
 *     is read (read_committed); prints p50/p90/p99/max, and writes each job's figures to <csv>
 * throughput <bootstrap> <count> <run>  sends <count> commands as fast as the producer can and
 *     prints jobs/s from the first send to the last committed JobSubmitted
 * hubcall <before> <after>  p50/p99 of the executor's hub create calls and of its wait before
 *     taking commands up, between two scrapes of its /actuator/prometheus (from the
 *     fleetjobs_hub_call_seconds and fleetjobs_executor_command_wait_seconds histograms)
 */
public class ExecutorBench {

	static final ObjectMapper JSON = new ObjectMapper();

	public static void main(String[] args) throws Exception {
		String bootstrap = args[1];
		if (args[0].equals("hubcall")) {
			hubCall(java.nio.file.Path.of(args[1]), java.nio.file.Path.of(args[2]));
			return;
		}
		if (args[0].equals("latency")) {
			latency(bootstrap, Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4],
					java.nio.file.Path.of(args[5]), Integer.parseInt(args[6]), java.net.URI.create(args[7]),
					java.nio.file.Path.of(args[8]));
		}
		else {
			throughput(bootstrap, Integer.parseInt(args[2]), args[3]);
		}
	}

	static void latency(String bootstrap, int rate, int seconds, String run, java.nio.file.Path csv,
			int warmupSeconds, java.net.URI metrics, java.nio.file.Path scrape) throws Exception {
		int warmup = rate * warmupSeconds;
		int count = warmup + rate * seconds;
		Map<String, Instant> sent = new ConcurrentHashMap<>();
		Collector collector = new Collector(bootstrap, run, count);
		collector.start();
		try (KafkaProducer<String, String> producer = producer(bootstrap, 0)) {
			long intervalNanos = 1_000_000_000L / rate;
			long next = System.nanoTime();
			for (int i = 0; i < count; i++) {
				long wait = next - System.nanoTime();
				if (wait > 0) {
					java.util.concurrent.locks.LockSupport.parkNanos(wait);
				}
				next += intervalNanos;
				if (i == warmup) {
					java.nio.file.Files.writeString(scrape, java.net.http.HttpClient.newHttpClient()
						.send(java.net.http.HttpRequest.newBuilder(metrics).build(),
								java.net.http.HttpResponse.BodyHandlers.ofString())
						.body());
					next = System.nanoTime();
				}
				String jobId = jobId(run, i);
				if (i >= warmup) {
					sent.put(jobId, Instant.now());
				}
				producer.send(command(jobId, run, i));
			}
			producer.flush();
		}
		collector.join(Duration.ofSeconds(seconds + 120).toMillis());
		collector.submitted.keySet().retainAll(sent.keySet());
		List<Double> toHub = new ArrayList<>();
		List<Double> toEvent = new ArrayList<>();
		List<String> rows = new ArrayList<>(List.of("jobId,sentEpochMs,toHubMs,toEventMs"));
		for (Submitted submitted : collector.submitted.values()) {
			Instant start = sent.get(submitted.jobId);
			double hub = Duration.between(start, submitted.hubCreated).toNanos() / 1e6;
			double event = Duration.between(start, submitted.read).toNanos() / 1e6;
			toHub.add(hub);
			toEvent.add(event);
			rows.add(String.format("%s,%d,%.1f,%.1f", submitted.jobId, start.toEpochMilli(), hub, event));
		}
		if (csv != null) {
			java.nio.file.Files.write(csv, rows);
		}
		System.out.printf("latency run: %d commands at %d/s after %d s at that rate unmeasured, %d JobSubmitted read%n",
				sent.size(), rate, warmupSeconds, collector.submitted.size());
		print("command sent -> job exists on the hub (hub createdTime)", toHub);
		print("command sent -> committed JobSubmitted read", toEvent);
	}

	static void throughput(String bootstrap, int count, String run) throws Exception {
		Collector collector = new Collector(bootstrap, run, count);
		collector.start();
		Instant first;
		try (KafkaProducer<String, String> producer = producer(bootstrap, 5)) {
			first = Instant.now();
			AtomicReference<Exception> failure = new AtomicReference<>();
			for (int i = 0; i < count; i++) {
				producer.send(command(jobId(run, i), run, i), (metadata, ex) -> {
					if (ex != null) {
						failure.set(ex);
					}
				});
			}
			producer.flush();
			if (failure.get() != null) {
				throw failure.get();
			}
		}
		Instant allSent = Instant.now();
		collector.join(Duration.ofMinutes(10).toMillis());
		Instant last = collector.submitted.values().stream().map((s) -> s.read).max(Instant::compareTo).orElseThrow();
		double seconds = Duration.between(first, last).toNanos() / 1e9;
		System.out.printf("throughput run: %d commands sent in %.2f s; %d JobSubmitted, the last %.2f s after the "
				+ "first send: %.0f jobs/s%n", count, Duration.between(first, allSent).toNanos() / 1e9,
				collector.submitted.size(), seconds, collector.submitted.size() / seconds);
	}

	static void hubCall(java.nio.file.Path before, java.nio.file.Path after) throws Exception {
		printDelta("the executor's hub call (create, success)", "fleetjobs_hub_call_seconds",
				"operation=\"create\",outcome=\"success\"", before, after);
		printDelta("the executor's wait before taking a command up", "fleetjobs_executor_command_wait_seconds", "",
				before, after);
	}

	static void printDelta(String what, String metric, String labels, java.nio.file.Path before,
			java.nio.file.Path after) throws Exception {
		java.util.TreeMap<Double, Double> start = buckets(before, metric, labels);
		java.util.TreeMap<Double, Double> end = buckets(after, metric, labels);
		java.util.TreeMap<Double, Double> delta = new java.util.TreeMap<>();
		end.forEach((le, count) -> delta.put(le, count - start.getOrDefault(le, 0.0)));
		if (delta.isEmpty()) {
			System.out.printf("  %s: no %s in the scrapes%n", what, metric);
			return;
		}
		double total = delta.lastEntry().getValue();
		System.out.printf("  %s, %d: p50 <= %.1f ms, p99 <= %.1f ms (histogram bucket bounds)%n", what, (long) total,
				bound(delta, total * 0.5) * 1000, bound(delta, total * 0.99) * 1000);
	}

	static double bound(java.util.TreeMap<Double, Double> cumulative, double rank) {
		return cumulative.entrySet().stream().filter((e) -> e.getValue() >= rank).findFirst().orElseThrow().getKey();
	}

	/** One histogram's cumulative buckets in a scrape, summed over the series that carry the labels. */
	static java.util.TreeMap<Double, Double> buckets(java.nio.file.Path scrape, String metric, String labels)
			throws Exception {
		java.util.TreeMap<Double, Double> buckets = new java.util.TreeMap<>();
		java.util.regex.Pattern line = java.util.regex.Pattern.compile("^" + metric + "_bucket\\{(.*)\\} (\\S+)");
		for (String text : java.nio.file.Files.readAllLines(scrape)) {
			java.util.regex.Matcher match = line.matcher(text);
			if (match.find() && match.group(1).contains(labels)) {
				String le = match.group(1).replaceAll(".*le=\"([^\"]+)\".*", "$1");
				buckets.merge(le.equals("+Inf") ? Double.MAX_VALUE : Double.parseDouble(le),
						Double.parseDouble(match.group(2)), Double::sum);
			}
		}
		return buckets;
	}

	static KafkaProducer<String, String> producer(String bootstrap, int lingerMs) {
		return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", lingerMs,
				"key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class));
	}

	static String jobId(String run, int i) {
		return UUID.nameUUIDFromBytes((run + "/" + i).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** The tutorial's lockDoor job, as job-request-service publishes it. */
	static ProducerRecord<String, String> command(String jobId, String run, int i) {
		String now = Instant.now().toString();
		String json = "{\"jobId\":\"" + jobId + "\",\"requestId\":null,\"jobType\":\"DEVICE_METHOD\","
				+ "\"queryCondition\":\"deviceId IN ['bench-door-" + (i % 100) + "']\",\"directMethod\":{\"methodName\":"
				+ "\"lockDoor\",\"payload\":{\"lockTime\":\"10m\"},\"responseTimeoutInSeconds\":30,"
				+ "\"connectTimeoutInSeconds\":0},\"twinUpdate\":null,\"startTime\":\"" + now + "\","
				+ "\"maxExecutionTimeInSeconds\":600,\"labels\":{\"run\":\"" + run + "\"},\"channel\":\"kafka\","
				+ "\"principal\":\"bench\",\"acceptedAt\":\"" + now + "\"}";
		ProducerRecord<String, String> record = new ProducerRecord<>("fleetjobs.commands", jobId, json);
		record.headers().add("__TypeId__", "ScheduleJob".getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_type", "dev.fleetjobs.ScheduleJob.v1".getBytes(StandardCharsets.UTF_8));
		return record;
	}

	static void print(String what, List<Double> millis) {
		Collections.sort(millis);
		System.out.printf("  %s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, pct(millis, 50),
				pct(millis, 90), pct(millis, 99), millis.get(millis.size() - 1));
	}

	static double pct(List<Double> sorted, double p) {
		int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index));
	}

	record Submitted(String jobId, Instant hubCreated, Instant read) {
	}

	/** Reads committed JobSubmitted events of one run from fleetjobs.lifecycle. */
	static final class Collector extends Thread {

		final Map<String, Submitted> submitted = new ConcurrentHashMap<>();

		private final String bootstrap;

		private final String run;

		private final int expected;

		Collector(String bootstrap, String run, int expected) {
			this.bootstrap = bootstrap;
			this.run = run;
			this.expected = expected;
		}

		@Override
		public void run() {
			Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", this.bootstrap, "isolation.level",
					"read_committed", "key.deserializer", StringDeserializer.class, "value.deserializer",
					ByteArrayDeserializer.class));
			try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
				List<TopicPartition> partitions = consumer.partitionsFor("fleetjobs.lifecycle")
					.stream()
					.map((info) -> new TopicPartition(info.topic(), info.partition()))
					.toList();
				consumer.assign(partitions);
				consumer.seekToEnd(partitions);
				partitions.forEach(consumer::position);
				long deadline = System.nanoTime() + Duration.ofMinutes(12).toNanos();
				while (this.submitted.size() < this.expected && System.nanoTime() < deadline) {
					for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
						Instant read = Instant.now();
						Header type = record.headers().lastHeader("__TypeId__");
						if (type == null || !"JobSubmitted".equals(new String(type.value(), StandardCharsets.UTF_8))) {
							continue;
						}
						JsonNode event = JSON.readTree(record.value());
						if (this.run.equals(event.path("labels").path("run").asText())) {
							this.submitted.putIfAbsent(record.key(), new Submitted(record.key(),
									Instant.parse(event.path("hubCreatedTime").asText()), read));
						}
					}
				}
			}
			catch (Exception ex) {
				ex.printStackTrace();
			}
		}

	}

}
