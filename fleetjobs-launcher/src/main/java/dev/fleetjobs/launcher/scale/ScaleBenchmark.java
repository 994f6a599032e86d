package dev.fleetjobs.launcher.scale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.launcher.demo.JobsApi;
import dev.fleetjobs.launcher.demo.ProgressWatcher;
import dev.fleetjobs.launcher.stack.LocalStack;
import dev.fleetjobs.launcher.stack.ManagedProcess;

/**
 * {@code ./fleetjobs bench --scale}: a twin job over every device of a fleet that is only
 * registered (a million by default), from the REST request to the final progress event
 * and every device result on Kafka, with the heap and resident set of every process.
 */
public final class ScaleBenchmark {

	private final LocalStack stack;

	private final int devices;

	private final Duration timeout;

	public ScaleBenchmark(LocalStack stack, int devices, Duration timeout) {
		this.stack = stack;
		this.devices = devices;
		this.timeout = timeout;
	}

	/** Runs the job; returns the exit code (0 when every result arrived in time). */
	public int run() {
		String bootstrap = this.stack.settings().bootstrapServers();
		JobsApi api = new JobsApi("http://localhost:" + this.stack.settings().ports().requestService(),
				this.stack.settings().apiKey());
		List<JvmMemory> memories = new ArrayList<>();
		for (ManagedProcess process : this.stack.processes()) {
			memories.add(JvmMemory.attach(process.name(), process.pid()));
		}
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "memory-sampler");
			thread.setDaemon(true);
			return thread;
		});
		sampler.scheduleAtFixedRate(() -> memories.forEach(JvmMemory::sample), 0, 250, TimeUnit.MILLISECONDS);
		try (ProgressWatcher progress = new ProgressWatcher(bootstrap);
				ResultCounter results = new ResultCounter(bootstrap)) {
			long start = System.nanoTime();
			String jobId = api.submit(twinJob("scale-" + System.currentTimeMillis()));
			System.out.printf(Locale.ROOT, "submitted twin job %s over %d devices%n", jobId, this.devices);
			long deadline = start + this.timeout.toNanos();
			long nextLine = 0;
			double finalEvent = -1;
			double allResults = -1;
			JobProgress latest = null;
			while (System.nanoTime() < deadline && (finalEvent < 0 || allResults < 0)) {
				progress.poll(Duration.ofMillis(5));
				results.poll(Duration.ofMillis(50));
				latest = progress.latest(jobId);
				double now = (System.nanoTime() - start) / 1e9;
				if (finalEvent < 0 && latest != null && latest.resultsComplete()) {
					finalEvent = now;
				}
				if (allResults < 0 && results.count(jobId) >= this.devices) {
					allResults = now;
				}
				if (System.nanoTime() > nextLine) {
					System.out.printf(Locale.ROOT, "%6.1f s  %s  results on Kafka %d%n", now, describe(latest),
							results.count(jobId));
					nextLine = System.nanoTime() + 2_000_000_000L;
				}
			}
			memories.forEach(JvmMemory::sample);
			System.out.printf(Locale.ROOT, "%6.1f s  %s  results on Kafka %d%n", (System.nanoTime() - start) / 1e9,
					describe(latest), results.count(jobId));
			report(memories);
			if (finalEvent < 0 || allResults < 0) {
				System.out.printf(Locale.ROOT, "%nNOT DONE within %d s: final event %s, %d of %d results on Kafka%n",
						this.timeout.toSeconds(), (finalEvent < 0) ? "not seen" : finalEvent + " s",
						results.count(jobId), this.devices);
				return 1;
			}
			boolean allSucceeded = latest.statistics().succeededCount() == this.devices
					&& latest.deviceResultCount() == this.devices;
			System.out.printf(Locale.ROOT,
					"%n%d devices, twin job: REST -> hub job created %.1f s, hub run %.1f s; REST -> final event "
							+ "%.1f s, REST -> all %d device results on Kafka %.1f s (goal <= 60 s)%s%n",
					this.devices, seconds(start, latest.createdTime()), between(latest.startTime(), latest.endTime()),
					finalEvent, results.count(jobId), allResults,
					allSucceeded ? "" : "; NOT every device succeeded: " + latest.statistics());
			return allSucceeded ? 0 : 1;
		}
		finally {
			sampler.shutdownNow();
			memories.forEach(JvmMemory::close);
		}
	}

	private Map<String, Object> twinJob(String requestId) {
		return Map.of("requestId", requestId, "target", Map.of("tags", Map.of("kind", "door-lock")), "action",
				Map.of("twinUpdate", Map.of("desiredProperties", Map.of("scaleRun", requestId))),
				"maxExecutionTimeInSeconds", 3600, "startTime", Instant.now().toString());
	}

	private static String describe(JobProgress progress) {
		if (progress == null) {
			return "no progress yet";
		}
		return String.format(Locale.ROOT, "%-9s succeeded %d/%d failed %d%s", progress.status(),
				progress.statistics().succeededCount(), progress.statistics().deviceCount(),
				progress.statistics().failedCount(), progress.resultsComplete() ? " (final)" : "");
	}

	private static void report(List<JvmMemory> memories) {
		System.out.printf(Locale.ROOT, "%n%-24s %10s %14s %16s %12s %10s%n", "process", "max heap", "peak heap used",
				"peak heap live*", "peak RSS", "CPU");
		for (JvmMemory memory : memories) {
			System.out.printf(Locale.ROOT, "%-24s %8d MB %11d MB %13d MB %9d MB %8.1f s%n", memory.name(),
					memory.maxHeap() >> 20, memory.peakHeapUsed() >> 20, memory.peakHeapAfterGc() >> 20,
					memory.peakRss() >> 20, memory.cpuSeconds());
		}
		System.out.println("* heap after the last collection (the live data), its peak while the job ran; "
				+ "peak RSS is the process's VmHWM since it started; CPU is user + system time during the job");
	}

	private static double seconds(long startNanos, Instant created) {
		if (created == null) {
			return Double.NaN;
		}
		Instant sent = Instant.now().minusNanos(System.nanoTime() - startNanos);
		return Duration.between(sent, created).toMillis() / 1000.0;
	}

	private static double between(Instant from, Instant to) {
		return (from == null || to == null) ? Double.NaN : Duration.between(from, to).toMillis() / 1000.0;
	}

}
