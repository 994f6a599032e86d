package dev.fleetjobs.launcher.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import dev.fleetjobs.launcher.stack.LocalStack;
import dev.fleetjobs.launcher.stack.ModuleJars;
import dev.fleetjobs.launcher.stack.RunDirectory;
import dev.fleetjobs.launcher.stack.RunningProcesses;
import dev.fleetjobs.launcher.stack.StackPorts;
import dev.fleetjobs.launcher.stack.StackSettings;
import dev.fleetjobs.launcher.ShapeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./fleetjobs chaos}: starts the whole system as processes in a fresh run folder,
 * runs the chaos scenario against it, prints the invariants and a summary line, and exits
 * non-zero on any violation.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
		description = "Kills, restarts and throttles the running system while jobs run, then checks that nothing was lost or doubled.")
public final class ChaosCommand implements Callable<Integer> {

	@Option(names = "--seed", description = "Replays a run (default: random, printed).")
	Long seed;

	@Option(names = "--jobs", defaultValue = "100", description = "Valid job requests (default: ${DEFAULT-VALUE}).")
	int jobs;

	@Option(names = "--devices", defaultValue = "300", description = "Simulated devices (default: ${DEFAULT-VALUE}).")
	int devices;

	@Option(names = "--minutes", defaultValue = "5",
			description = "Minutes of faults and submissions, before the run waits for the jobs (default: ${DEFAULT-VALUE}).")
	double minutes;

	@Option(names = "--faults", split = ",",
			description = "Fault kinds (default: all): kill-request, kill-executor, kill-status, kill-simulator, "
					+ "kafka-restart (one broker), kill-broker (--brokers 3), hub-storm, emulator-crash, device-disconnect.")
	List<String> faults;

	@Option(names = "--max-execution", defaultValue = "120",
			description = "The jobs' maxExecutionTimeInSeconds (default: ${DEFAULT-VALUE}).")
	int maxExecution;

	@Option(names = "--run-dir", defaultValue = "run/chaos",
			description = "Run folder, emptied first (default: ${DEFAULT-VALUE}).")
	Path runDir;

	@Option(names = "--port-offset", defaultValue = "0", description = "Shifts every port, e.g. 14000.")
	int portOffset;

	@Mixin
	ShapeOptions shape = new ShapeOptions();

	@Override
	public Integer call() {
		long chosenSeed = (this.seed != null) ? this.seed : ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
		Set<FaultKind> kinds = (this.faults == null) ? ChaosOptions.allFaults(this.shape.shape())
				: EnumSet.copyOf(this.faults.stream().map(FaultKind::parse).toList());
		ChaosOptions options = new ChaosOptions(chosenSeed, this.jobs,
				Duration.ofSeconds(Math.round(this.minutes * 60)), kinds, this.maxExecution);
		RunDirectory run = new RunDirectory(this.runDir);
		RunningProcesses.stopAll(run, System.out::println);
		RunDirectory.deleteRecursively(run.root());
		ModuleJars jars = JarSnapshot.copy(new ModuleJars(Path.of("")), run.root().resolve("jars"));
		StackSettings settings = new StackSettings(run, jars, StackPorts.DEFAULTS.offset(this.portOffset), this.devices,
				"light", 10, 3, "unlimited")
			.with(this.shape.shape());
		try (LocalStack stack = new LocalStack(settings)) {
			stack.start(System.out::println);
			ChaosReport report = new ChaosScenario(stack, options, System.out::println).run();
			report.print(System.out::println);
			return report.passed() ? 0 : 1;
		}
	}

}
