package dev.fleetjobs.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.fleetjobs.launcher.demo.DemoJobs;
import dev.fleetjobs.launcher.demo.JobsApi;
import dev.fleetjobs.launcher.demo.LiveProgress;
import dev.fleetjobs.launcher.demo.ProgressWatcher;
import dev.fleetjobs.launcher.demo.StackInfo;
import dev.fleetjobs.launcher.stack.LocalStack;
import dev.fleetjobs.launcher.stack.ModuleJars;
import dev.fleetjobs.launcher.stack.RunDirectory;
import dev.fleetjobs.launcher.stack.StackPorts;
import dev.fleetjobs.launcher.stack.StackSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./fleetjobs up}: starts the whole system as processes, waits for health, runs
 * the demo jobs with live progress bars, prints where everything is, and keeps running
 * until Ctrl-C.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
		description = "Runs the whole system locally: Kafka, the IoT Hub emulator, the three services and a simulated fleet, then the demo jobs.")
final class UpCommand implements Callable<Integer> {

	@Option(names = "--run-dir", defaultValue = "run", description = "Logs, pids and data (default: ${DEFAULT-VALUE}).")
	Path runDir;

	@Option(names = "--devices", defaultValue = "1000", description = "Simulated devices (default: ${DEFAULT-VALUE}).")
	int devices;

	@Option(names = "--engine", defaultValue = "light",
			description = "Simulator engine: light or sdk (default: ${DEFAULT-VALUE}).")
	String engine;

	@Option(names = "--buildings", defaultValue = "50",
			description = "Buildings of the fleet (default: ${DEFAULT-VALUE}).")
	int buildings;

	@Option(names = "--floors", defaultValue = "4", description = "Floors per building (default: ${DEFAULT-VALUE}).")
	int floors;

	@Option(names = "--tier", defaultValue = "unlimited",
			description = "The emulator's IoT Hub tier: unlimited, F1, S1, S2, S3 (default: ${DEFAULT-VALUE}).")
	String tier;

	@Option(names = "--port-offset", defaultValue = "0", description = "Shifts every port, e.g. 10000.")
	int portOffset;

	@Option(names = "--no-demo", negatable = true, defaultValue = "true", description = "Skip the demo jobs.")
	boolean demo;

	@Mixin
	ShapeOptions shape = new ShapeOptions();

	@Option(names = "--detach", description = "Leave the system running and exit (stop it with ./fleetjobs down).")
	boolean detach;

	@Override
	public Integer call() throws InterruptedException {
		StackSettings settings = new StackSettings(new RunDirectory(this.runDir), new ModuleJars(Path.of("")),
				StackPorts.DEFAULTS.offset(this.portOffset), this.devices, this.engine, this.buildings, this.floors,
				this.tier)
			.with(this.shape.shape());
		LocalStack stack = new LocalStack(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		if (!this.detach) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				System.out.println("\nstopping every process of the local run...");
				stack.close();
				stopped.countDown();
			}, "fleetjobs-shutdown"));
		}
		try {
			stack.start(System.out::println);
		}
		catch (RuntimeException ex) {
			System.err.println("\nThe local run did not come up: " + ex.getMessage());
			System.err.println("Logs: " + settings.run().root().resolve("logs"));
			stack.close();
			return 1;
		}
		boolean demoOk = !this.demo || runDemo(settings);
		StackInfo.print(settings, System.out);
		if (this.detach) {
			System.out.println("Running in the background; stop it with ./fleetjobs down");
			return demoOk ? 0 : 2;
		}
		System.out.println("Press Ctrl-C to stop.");
		stopped.await();
		return 0;
	}

	private boolean runDemo(StackSettings settings) {
		String bootstrap = settings.bootstrapServers();
		JobsApi api = new JobsApi("http://localhost:" + settings.ports().requestService(), settings.apiKey());
		try (ProgressWatcher watcher = new ProgressWatcher(bootstrap)) {
			List<DemoJobs.Demo> demos = DemoJobs.all("demo-" + Instant.now().getEpochSecond());
			List<String> labels = new ArrayList<>();
			List<String> jobIds = new ArrayList<>();
			long submitted = System.nanoTime();
			for (DemoJobs.Demo demo : demos) {
				labels.add(demo.label());
				jobIds.add(api.submit(demo.request()));
			}
			System.out.println("\nDemo jobs submitted over REST (" + String.join(", ", jobIds) + "):");
			boolean done = new LiveProgress(watcher, System.out, System.console() != null).follow(labels, jobIds,
					Duration.ofSeconds(120));
			System.out.printf("%s in %.1f s after the REST requests%n",
					done ? "Every demo job finished, with its device results," : "The demo jobs did not finish",
					(System.nanoTime() - submitted) / 1e9);
			return done;
		}
		catch (RuntimeException ex) {
			System.err.println("The demo failed: " + ex.getMessage());
			return false;
		}
	}

}
