package dev.fleetjobs.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.fleetjobs.launcher.stack.ManagedProcess;
import dev.fleetjobs.launcher.stack.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./fleetjobs down}: stops every process a local run started, found through the
 * pid files of the run folder. Only processes that carry the run folder's marker are
 * touched.
 */
@Command(name = "down", description = "Stops every process that ./fleetjobs up started.")
final class DownCommand implements Callable<Integer> {

	@Option(names = "--run-dir", defaultValue = "run", description = "The run folder (default: ${DEFAULT-VALUE}).")
	Path runDir;

	@Override
	public Integer call() throws IOException {
		RunDirectory run = new RunDirectory(this.runDir);
		List<Path> pidFiles;
		try (Stream<Path> files = Files.list(run.pids())) {
			pidFiles = files.filter((file) -> file.toString().endsWith(".pid")).sorted().toList();
		}
		int stopped = 0;
		for (Path pidFile : pidFiles) {
			Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
				.filter((handle) -> belongsTo(handle, run));
			if (process.isPresent()) {
				stop(process.get());
				System.out.println("stopped " + pidFile.getFileName().toString().replace(".pid", "") + " (pid "
						+ process.get().pid() + ")");
				stopped++;
			}
			Files.deleteIfExists(pidFile);
		}
		System.out.println((stopped == 0) ? "nothing was running" : "stopped " + stopped + " processes");
		return 0;
	}

	static boolean belongsTo(ProcessHandle handle, RunDirectory run) {
		return handle.isAlive() && handle.info()
			.commandLine()
			.map((line) -> line.contains("-D" + ManagedProcess.RUN_MARKER + "=" + run.root()))
			.orElse(false);
	}

	private static void stop(ProcessHandle handle) {
		handle.destroy();
		try {
			handle.onExit().get(Duration.ofSeconds(15).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			handle.destroyForcibly();
		}
	}

}
