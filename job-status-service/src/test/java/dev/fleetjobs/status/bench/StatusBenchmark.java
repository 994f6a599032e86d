package dev.fleetjobs.status.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.auth.IotHubConnectionStringBuilder;
import com.microsoft.azure.sdk.iot.service.auth.IotHubServiceSasToken;
import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.registry.RegistryClient;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.JobProgress;

/**
 * The job-status-service benchmark's driver (bench/run.sh starts the broker, the emulator
 * jar and the service jar first). Arguments: kafka bootstrap, hub host:port, hub
 * connection string, the service's management base URL (its metrics), emulator admin URL.
 * Environment: FRESHNESS_JOBS (40), CONCURRENT (4), STEADY_JOBS (10), STEADY_SECONDS
 * (180), RESULTS_DEVICES (10000).
 */
public final class StatusBenchmark {

	private final BenchKafka kafka;

	private final String service;

	private final String admin;

	private final ScheduledJobsClient jobs;

	private final RegistryClient registry;

	private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

	private final HttpClient http = HttpClient.newHttpClient();

	/** The owner SAS token: the emulator's admin API wants one too. */
	private final String token;

	private StatusBenchmark(String[] args) {
		this.kafka = new BenchKafka(args[0]);
		String token = new IotHubServiceSasToken(IotHubConnectionStringBuilder.createIotHubConnectionString(args[2]))
			.toString();
		this.token = token;
		this.jobs = new ScheduledJobsClient(args[1], new AzureSasCredential(token));
		this.registry = new RegistryClient(args[1], new AzureSasCredential(token));
		this.service = args[3];
		this.admin = args[4];
	}

	public static void main(String[] args) throws Exception {
		StatusBenchmark bench = new StatusBenchmark(args);
		try {
			bench.freshness("warm", env("WARMUP_JOBS", 8), env("CONCURRENT", 4));
			bench.freshness("fresh", env("FRESHNESS_JOBS", 40), env("CONCURRENT", 4));
			bench.steadyState(env("STEADY_JOBS", 10), env("STEADY_SECONDS", 180));
			bench.deviceResults(env("RESULTS_DEVICES", 10_000), env("RESULTS_ROUNDS", 4));
		}
		finally {
			bench.kafka.close();
		}
		System.exit(0);
	}

	/**
	 * Jobs that end at a time the poller cannot know (offline devices, a connect timeout
	 * of 2 to 6 s), submitted 0-1 s after creation: from the hub's end time to the
	 * terminal and to the final progress event on Kafka.
	 */
	private void freshness(String name, int count, int concurrent) throws Exception {
		if (count == 0) {
			return;
		}
		List<String> devices = provision(name, 5 * concurrent);
		Random random = new Random(42);
		ExecutorService pool = Executors.newFixedThreadPool(concurrent);
		List<Future<JobProgress>> done = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String jobId = name + "-" + this.run + "-" + i;
			List<String> slot = devices.subList((i % concurrent) * 5, (i % concurrent) * 5 + 5);
			int connectTimeout = 2 + random.nextInt(5);
			long submitDelay = random.nextInt(1000);
			done.add(pool.submit(() -> {
				this.jobs.scheduleDirectMethod(jobId, in(slot), "lockDoor", new Date(),
						DirectMethodsJobOptions.builder()
							.methodConnectTimeoutSeconds(connectTimeout)
							.methodResponseTimeoutSeconds(5)
							.maxExecutionTimeSeconds(60)
							.build());
				Thread.sleep(submitDelay);
				this.kafka.submitted(jobId, JobType.DEVICE_METHOD);
				return this.kafka.awaitFinal(jobId, Duration.ofMinutes(2));
			}));
		}
		List<Double> observed = new ArrayList<>();
		List<Double> terminal = new ArrayList<>();
		List<Double> fin = new ArrayList<>();
		for (Future<JobProgress> future : done) {
			JobProgress progress = future.get();
			observed.add(seconds(progress.endTime(), this.kafka.terminalObservedAt(progress.jobId())));
			terminal.add(seconds(progress.endTime(), this.kafka.terminalSeenAt(progress.jobId())));
			fin.add(seconds(progress.endTime(), this.kafka.finalSeenAt(progress.jobId())));
		}
		pool.shutdown();
		if (name.equals("warm")) {
			System.out.printf("(warm-up: %d jobs, not counted)%n", count);
			return;
		}
		System.out.printf("freshness, %d jobs (%d at a time): hub end -> service saw it      %s%n", count, concurrent,
				Stats.of(observed));
		System.out.printf("freshness, %d jobs (%d at a time): hub end -> terminal event  %s%n", count, concurrent,
				Stats.of(terminal));
		System.out.printf("freshness, %d jobs (%d at a time): hub end -> final event     %s%n", count, concurrent,
				Stats.of(fin));
	}

	/** Long-running jobs: hub calls per tracked job per minute, young and older. */
	private void steadyState(int count, int seconds) throws Exception {
		if (count == 0) {
			return;
		}
		List<String> devices = provision("steady", count);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String jobId = "steady-" + this.run + "-" + i;
			this.jobs.scheduleDirectMethod(jobId, in(devices.subList(i, i + 1)), "lockDoor", new Date(),
					DirectMethodsJobOptions.builder()
						.methodConnectTimeoutSeconds(300)
						.methodResponseTimeoutSeconds(5)
						.maxExecutionTimeSeconds(900)
						.build());
			this.kafka.submitted(jobId, JobType.DEVICE_METHOD);
			ids.add(jobId);
		}
		Instant start = Instant.now();
		double[] calls = { serviceHubCalls(), 0, 0 };
		long[] admin = { adminJobCalls(), 0, 0 };
		sleepUntil(start.plusSeconds(60));
		calls[1] = serviceHubCalls();
		admin[1] = adminJobCalls();
		sleepUntil(start.plusSeconds(seconds));
		calls[2] = serviceHubCalls();
		admin[2] = adminJobCalls();
		double youngRate = (calls[1] - calls[0]) / count;
		double olderRate = (calls[2] - calls[1]) / count / ((seconds - 60) / 60.0);
		System.out.printf(
				"steady state, %d running jobs: %.2f hub calls per job per minute in their first minute, "
						+ "%.2f after (service counter); emulator jobs.get+jobs.query: %d and %d%n",
				count, youngRate, olderRate, admin[1] - admin[0], admin[2] - admin[1]);
		for (String jobId : ids) {
			this.jobs.cancel(jobId);
		}
		for (String jobId : ids) {
			this.kafka.awaitFinal(jobId, Duration.ofMinutes(2));
		}
	}

	/**
	 * Twin jobs on many devices, one after another on the same devices (the first round
	 * warms up): from each job's terminal event to its final one.
	 */
	private void deviceResults(int count, int rounds) throws Exception {
		if (count == 0) {
			return;
		}
		String prefix = "bulk-" + this.run;
		provision(prefix, count);
		List<Double> finals = new ArrayList<>();
		List<Double> spans = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			String jobId = prefix + "-r" + round;
			Twin patch = new Twin();
			patch.getDesiredProperties().put("benchRun", jobId);
			this.jobs.scheduleUpdateTwin(jobId, "STARTSWITH(deviceId, '" + prefix + "-')", patch, new Date(), 600);
			this.kafka.submitted(jobId, JobType.TWIN_UPDATE);
			JobProgress done = this.kafka.awaitFinal(jobId, Duration.ofMinutes(5));
			BenchKafka.Results results = this.kafka.results(jobId, count, Duration.ofMinutes(2));
			double terminalToFinal = seconds(this.kafka.terminalSeenAt(jobId), this.kafka.finalSeenAt(jobId));
			System.out.printf(
					"device results, round %d%s: %d devices, %d results (%d distinct); terminal -> final "
							+ "event %.3f s; first -> last result record %.3f s; hub end -> final event %.3f s%n",
					round, (round == 0) ? " (warm-up)" : "", count, done.deviceResultCount(), results.distinct(),
					terminalToFinal, results.spanSeconds(), seconds(done.endTime(), this.kafka.finalSeenAt(jobId)));
			if (round > 0) {
				finals.add(terminalToFinal);
				spans.add(results.spanSeconds());
			}
		}
		if (!finals.isEmpty()) {
			System.out.printf(
					"device results, %d devices: terminal -> final event %s; first -> last result record %s%n", count,
					Stats.of(finals), Stats.of(spans));
		}
	}

	private List<String> provision(String prefix, int count) throws Exception {
		long start = System.nanoTime();
		List<String> ids = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<?>> added = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = prefix + "-" + this.run + "-" + i;
			ids.add(id);
			added.add(pool.submit(() -> this.registry.addDevice(new Device(id))));
		}
		for (Future<?> future : added) {
			future.get();
		}
		pool.shutdown();
		System.out.printf("(provisioned %d devices in %.1f s)%n", count, (System.nanoTime() - start) / 1e9);
		return ids;
	}

	private double serviceHubCalls() throws Exception {
		String text = this.http
			.send(HttpRequest.newBuilder(URI.create(this.service + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		return text.lines()
			.filter((line) -> line.startsWith("fleetjobs_status_hub_calls_total{")
					&& (line.contains("operation=\"jobs.get\"") || line.contains("operation=\"jobs.query\"")))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private long adminJobCalls() throws Exception {
		String json = this.http
			.send(HttpRequest.newBuilder(URI.create(this.admin + "/admin/calls"))
				.header("Authorization", this.token)
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.body();
		return count(json, "jobs.get") + count(json, "jobs.query");
	}

	private static long count(String json, String operation) {
		int at = json.indexOf("\"" + operation + "\"");
		if (at < 0) {
			return 0;
		}
		String rest = json.substring(json.indexOf(':', at) + 1).trim();
		return Long.parseLong(rest.split("[,}]")[0].trim());
	}

	private static String in(List<String> ids) {
		return "deviceId IN ['" + String.join("', '", ids) + "']";
	}

	private static double seconds(Instant from, Instant to) {
		return Duration.between(from, to).toNanos() / 1e9;
	}

	private static void sleepUntil(Instant when) throws InterruptedException {
		long millis = Duration.between(Instant.now(), when).toMillis();
		if (millis > 0) {
			Thread.sleep(millis);
		}
	}

	private static int env(String name, int fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? Integer.parseInt(value) : fallback;
	}

	/** Percentiles of a sample, in seconds. */
	record Stats(double p50, double p90, double max, int n) {

		static Stats of(List<Double> values) {
			List<Double> sorted = values.stream().sorted().toList();
			return new Stats(at(sorted, 0.5), at(sorted, 0.9), sorted.get(sorted.size() - 1), sorted.size());
		}

		private static double at(List<Double> sorted, double quantile) {
			return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size())));
		}

		@Override
		public String toString() {
			return String.format("p50 %.3f s, p90 %.3f s, max %.3f s (n=%d)", this.p50, this.p90, this.max, this.n);
		}

	}

}
