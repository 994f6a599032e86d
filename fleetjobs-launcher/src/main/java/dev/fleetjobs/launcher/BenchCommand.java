package dev.fleetjobs.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.launcher.demo.DemoJobs;
import dev.fleetjobs.launcher.demo.JobsApi;
import dev.fleetjobs.launcher.demo.ProgressWatcher;
import dev.fleetjobs.launcher.scale.ScaleBenchmark;
import dev.fleetjobs.launcher.stack.LocalStack;
import dev.fleetjobs.launcher.stack.ModuleJars;
import dev.fleetjobs.launcher.stack.RunDirectory;
import dev.fleetjobs.launcher.stack.StackPorts;
import dev.fleetjobs.launcher.stack.StackSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./fleetjobs bench}: the end-to-end benchmark. The whole system runs as processes
 * with a large light-engine fleet and an in-memory emulator (it stands in for Azure IoT
 * Hub, whose own durability is not FleetJobs' to measure); each round submits a
 * {@code lockDoor} job on every device over REST and measures the time until its terminal
 * progress event and until its final one (with every device result published).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
		description = "End to end: REST request -> final progress event of a lockDoor job on every device.")
final class BenchCommand implements Callable<Integer> {

	@Option(names = "--run-dir", defaultValue = "run/bench", description = "Default: ${DEFAULT-VALUE}.")
	Path runDir;

	@Option(names = "--devices", description = "Default: 10000; 1000000 with --scale.")
	Integer devices;

	@Option(names = "--rounds", defaultValue = "5", description = "Measured jobs (default: ${DEFAULT-VALUE}).")
	int rounds;

	@Option(names = "--warmup", defaultValue = "3",
			description = "Unmeasured jobs first, while the JVMs compile their hot paths (default: ${DEFAULT-VALUE}).")
	int warmup;

	@Option(names = "--port-offset", defaultValue = "0", description = "Shifts every port.")
	int portOffset;

	@Option(names = "--rollout",
			description = "Instead: one lockDoor rollout on every device at --rate; reports the rate kept and the "
					+ "scheduling overhead per wave.")
	boolean rollout;

	@Option(names = "--rate", defaultValue = "1000",
			description = "With --rollout: devices per minute (default: ${DEFAULT-VALUE}).")
	int rate;

	@Option(names = "--wave-interval", defaultValue = "10",
			description = "With --rollout: seconds between waves (default: ${DEFAULT-VALUE}).")
	int waveInterval;

	@Mixin
	ShapeOptions shape = new ShapeOptions();

	@Option(names = "--scale",
			description = "Instead: register --devices (a million by default) through the bulk registry, without "
					+ "connecting them, and run one twin job over all of them; reports the time to its final event and "
					+ "to every device result on Kafka, and the heap and RSS of every process.")
	boolean scale;

	@Option(names = "--registration-shards", defaultValue = "4",
			description = "With --scale: simulator processes that register the devices side by side "
					+ "(default: ${DEFAULT-VALUE}).")
	int registrationShards;

	@Override
	public Integer call() throws Exception {
		if (this.rounds < 1 || this.warmup < 0 || this.registrationShards < 1) {
			System.err.println("--rounds and --registration-shards must be at least 1 and --warmup at least 0");
			return 2;
		}
		int fleet = (this.devices != null) ? this.devices : (this.scale ? 1_000_000 : 10_000);
		StackSettings settings = new StackSettings(new RunDirectory(this.runDir), new ModuleJars(Path.of("")),
				StackPorts.DEFAULTS.offset(this.portOffset), fleet, "light", this.scale ? 500 : 50, this.scale ? 20 : 4,
				"unlimited", true, this.shape.shape().withRegistrationShards(this.scale ? this.registrationShards : 0));
		try (LocalStack stack = new LocalStack(settings)) {
			Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "fleetjobs-bench-stop"));
			long registering = System.nanoTime();
			stack.start(System.out::println);
			if (this.scale) {
				System.out.printf(Locale.ROOT, "%d devices registered with their tags; the stack was up in %.1f s%n",
						fleet, (System.nanoTime() - registering) / 1e9);
				return new ScaleBenchmark(stack, fleet, Duration.ofMinutes(10)).run();
			}
			if (this.rollout) {
				return new RolloutBenchmark(settings, fleet, this.rate, this.waveInterval).run();
			}
			JobsApi api = new JobsApi("http://localhost:" + settings.ports().requestService(), settings.apiKey());
			List<double[]> measured = new ArrayList<>();
			for (int round = 1 - this.warmup; round <= this.rounds; round++) {
				double[] times = round(api, settings, round, fleet);
				boolean warm = round > 0;
				System.out.printf(Locale.ROOT, "%s %d: terminal event %.2f s, final event (all %d results) %.2f s%n",
						warm ? "round" : "warm-up", warm ? round : round + this.warmup, times[0], fleet, times[1]);
				if (warm) {
					measured.add(times);
				}
			}
			System.out.printf(Locale.ROOT,
					"%n%d devices, %d rounds: REST -> terminal event p50 %.2f s max %.2f s; "
							+ "REST -> final event p50 %.2f s max %.2f s (goal <= 3 s), after %d warm-up job(s)%n",
					fleet, this.rounds, median(measured, 0), max(measured, 0), median(measured, 1), max(measured, 1),
					this.warmup);
			return 0;
		}
	}

	private double[] round(JobsApi api, StackSettings settings, int round, int fleet) {
		try (ProgressWatcher watcher = new ProgressWatcher(settings.bootstrapServers())) {
			long start = System.nanoTime();
			String jobId = api.submit(DemoJobs.lockDoor("bench-" + System.currentTimeMillis() + "-" + round,
					Map.of("kind", "door-lock")));
			double terminal = -1;
			long deadline = start + Duration.ofMinutes(3).toNanos();
			while (System.nanoTime() < deadline) {
				watcher.poll(Duration.ofMillis(20));
				JobProgress latest = watcher.latest(jobId);
				if (latest != null && latest.status().isTerminal() && terminal < 0) {
					terminal = (System.nanoTime() - start) / 1e9;
				}
				if (latest != null && latest.resultsComplete()) {
					if (latest.statistics().succeededCount() != fleet) {
						throw new IllegalStateException("Job " + jobId + " ended with " + latest.statistics());
					}
					double total = (System.nanoTime() - start) / 1e9;
					Instant sent = Instant.now().minusNanos((long) (total * 1e9));
					System.out.printf(Locale.ROOT,
							"  REST -> hub job created %.2f s, hub run (first to last device) %.2f s, hub end -> final event %.2f s%n",
							seconds(sent, latest.createdTime()), seconds(latest.startTime(), latest.endTime()),
							seconds(latest.endTime(), Instant.now()));
					return new double[] { terminal, total };
				}
			}
			throw new IllegalStateException("Job " + jobId + " did not finish within 3 minutes");
		}
	}

	private static double seconds(Instant from, Instant to) {
		return (from == null || to == null) ? Double.NaN : Duration.between(from, to).toMillis() / 1000.0;
	}

	private static double median(List<double[]> values, int index) {
		List<Double> sorted = values.stream().map((v) -> v[index]).sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static double max(List<double[]> values, int index) {
		return values.stream().mapToDouble((v) -> v[index]).max().orElse(Double.NaN);
	}

}
