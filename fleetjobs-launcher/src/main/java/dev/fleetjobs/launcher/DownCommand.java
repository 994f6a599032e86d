package dev.fleetjobs.launcher;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.fleetjobs.launcher.stack.RunDirectory;
import dev.fleetjobs.launcher.stack.RunningProcesses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./fleetjobs down}: stops every process a local run started, found through the
 * pid files of the run folder.
 */
@Command(name = "down", description = "Stops every process that ./fleetjobs up started.")
final class DownCommand implements Callable<Integer> {

	@Option(names = "--run-dir", defaultValue = "run", description = "The run folder (default: ${DEFAULT-VALUE}).")
	Path runDir;

	@Override
	public Integer call() {
		int stopped = RunningProcesses.stopAll(new RunDirectory(this.runDir), System.out::println);
		System.out.println((stopped == 0) ? "nothing was running" : "stopped " + stopped + " processes");
		return 0;
	}

}
