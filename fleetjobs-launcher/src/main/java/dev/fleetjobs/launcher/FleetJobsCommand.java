package dev.fleetjobs.launcher;

import dev.fleetjobs.launcher.chaos.ChaosCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./fleetjobs}: runs the whole system locally, without Docker. */
@Command(name = "fleetjobs", mixinStandardHelpOptions = true, version = "FleetJobs 0.1.0",
		description = "Runs FleetJobs locally: a Kafka broker, the IoT Hub emulator, the three services and a simulated fleet, each as its own process.",
		subcommands = { UpCommand.class, DownCommand.class, BenchCommand.class, ChaosCommand.class })
public final class FleetJobsCommand {

	public static void main(String[] args) {
		System.exit(new CommandLine(new FleetJobsCommand()).execute(args));
	}

}
