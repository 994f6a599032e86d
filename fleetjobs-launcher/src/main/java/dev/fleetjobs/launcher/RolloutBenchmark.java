package dev.fleetjobs.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.TypeNames;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.rollout.WaveStarted;
import dev.fleetjobs.launcher.demo.DemoJobs;
import dev.fleetjobs.launcher.demo.JobsApi;
import dev.fleetjobs.launcher.demo.ProgressWatcher;
import dev.fleetjobs.launcher.demo.TopicTail;
import dev.fleetjobs.launcher.stack.StackSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./fleetjobs bench --rollout}: one {@code lockDoor} rollout on every device at a
 * constant rate. It reports the rate the waves kept ((devices - first wave) / (last wave
 * start - first wave start), from the {@code WaveStarted} events) against the requested
 * one, and the scheduling overhead per wave (a wave's slot being due to its hub job
 * existing) from the executor's {@code fleetjobs_rollout_wave_start_seconds} histogram.
 */
final class RolloutBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final Pattern BUCKET = Pattern
		.compile("(?m)^fleetjobs_rollout_wave_start_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+]+)$");

	private final StackSettings settings;

	private final int devices;

	private final int rate;

	private final int waveInterval;

	RolloutBenchmark(StackSettings settings, int devices, int rate, int waveInterval) {
		this.settings = settings;
		this.devices = devices;
		this.rate = rate;
		this.waveInterval = waveInterval;
	}

	/** Runs the rollout; 0 when both goals are met, 1 when not. */
	int run() throws IOException, InterruptedException {
		JobsApi api = new JobsApi("http://localhost:" + this.settings.ports().requestService(), this.settings.apiKey());
		Map<Double, Double> before = waveStartBuckets();
		Map<String, Object> request = new LinkedHashMap<>(
				DemoJobs.lockDoor("bench-rollout-" + System.currentTimeMillis(), Map.of("kind", "door-lock")));
		request.put("rollout", Map.of("maxDevicesPerMinute", this.rate, "waveIntervalInSeconds", this.waveInterval));
		Duration expected = Duration.ofSeconds(this.devices * 60L / this.rate);
		System.out.printf(Locale.ROOT, "Rollout of %d devices at %d/min, a wave every %d s: about %d min%n",
				this.devices, this.rate, this.waveInterval, Math.max(1, expected.toMinutes()));
		List<WaveStarted> waves = new ArrayList<>();
		JobProgress done;
		try (ProgressWatcher watcher = new ProgressWatcher(bootstrap()); WaveReader reader = new WaveReader()) {
			String jobId = api.submit(request);
			long deadline = System.nanoTime() + expected.plusMinutes(5).toNanos();
			while (true) {
				watcher.poll(Duration.ofMillis(200));
				for (WaveStarted wave : reader.poll(jobId)) {
					waves.add(wave);
					System.out.printf(Locale.ROOT, "  wave %d: %d devices at %s%n", wave.wave(), wave.deviceCount(),
							wave.startedAt());
				}
				done = watcher.latest(jobId);
				if (done != null && done.resultsComplete()) {
					break;
				}
				if (System.nanoTime() > deadline) {
					System.err.println("The rollout did not finish in time");
					return 1;
				}
			}
		}
		Map<Double, Double> after = waveStartBuckets();
		if (waves.size() < 2) {
			System.err.println("Fewer than two waves: nothing to measure the rate on");
			return 1;
		}
		WaveStarted first = waves.get(0);
		WaveStarted last = waves.get(waves.size() - 1);
		double minutes = Duration.between(first.startedAt(), last.startedAt()).toMillis() / 60_000.0;
		int afterFirst = waves.stream().skip(1).mapToInt(WaveStarted::deviceCount).sum();
		double observed = afterFirst / minutes;
		double deviation = 100.0 * (observed - this.rate) / this.rate;
		double p50 = quantile(before, after, 0.5);
		double p99 = quantile(before, after, 0.99);
		System.out.printf(Locale.ROOT,
				"%n%d devices in %d waves, %s: rate after the first wave %.1f/min for %d/min requested (%+.2f%%, goal "
						+ "within 2%%); scheduling overhead per wave p50 <= %.0f ms, p99 <= %.0f ms (goal p50 <= 50 ms); "
						+ "%d succeeded%n",
				this.devices, waves.size(), done.status(), observed, this.rate, deviation, p50 * 1000, p99 * 1000,
				done.statistics().succeededCount());
		return (Math.abs(deviation) <= 2 && p50 <= 0.05) ? 0 : 1;
	}

	private String bootstrap() {
		return this.settings.bootstrapServers();
	}

	/**
	 * Cumulative bucket counts of the executor's wave start histogram, by upper bound.
	 */
	private Map<Double, Double> waveStartBuckets() throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI
					.create("http://localhost:" + this.settings.ports().executorService() + "/actuator/prometheus"))
				.build(), HttpResponse.BodyHandlers.ofString());
		Map<Double, Double> buckets = new TreeMap<>();
		Matcher matcher = BUCKET.matcher(response.body());
		while (matcher.find()) {
			double bound = "+Inf".equals(matcher.group(1)) ? Double.POSITIVE_INFINITY
					: Double.parseDouble(matcher.group(1));
			buckets.merge(bound, Double.parseDouble(matcher.group(2)), Double::sum);
		}
		return buckets;
	}

	/** The upper bound of the bucket holding the quantile of the waves in between. */
	static double quantile(Map<Double, Double> before, Map<Double, Double> after, double quantile) {
		double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0)
				- before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
		if (total <= 0) {
			return Double.NaN;
		}
		for (Map.Entry<Double, Double> bucket : after.entrySet()) {
			double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
			if (count >= quantile * total) {
				return bucket.getKey();
			}
		}
		return Double.POSITIVE_INFINITY;
	}

	/**
	 * The rollout's {@code WaveStarted} events, from the end of the lifecycle topic on.
	 */
	private final class WaveReader implements AutoCloseable {

		private final KafkaConsumer<String, String> consumer;

		private final String type = TypeNames.of(WaveStarted.class);

		WaveReader() {
			this.consumer = TopicTail.fromEnd(bootstrap(), Topics.LIFECYCLE, Map.of(), new StringDeserializer(),
					new StringDeserializer());
		}

		List<WaveStarted> poll(String jobId) {
			List<WaveStarted> waves = new ArrayList<>();
			for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(50))) {
				Header header = record.headers().lastHeader("__TypeId__");
				if (jobId.equals(record.key()) && header != null
						&& this.type.equals(new String(header.value(), StandardCharsets.UTF_8))) {
					waves.add(JSON.readValue(record.value(), WaveStarted.class));
				}
			}
			return waves;
		}

		@Override
		public void close() {
			this.consumer.close(Duration.ofSeconds(2));
		}

	}

}
