package dev.fleetjobs.launcher.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The processes a run folder's pid files point at. Only processes that carry the run
 * folder's marker on their command line are touched, so a stale pid reused by another
 * program is left alone.
 */
public final class RunningProcesses {

	private RunningProcesses() {
	}

	/**
	 * Stops (SIGTERM, then SIGKILL after 15 s) every live process of the run folder and
	 * deletes the pid files; returns how many were stopped.
	 */
	public static int stopAll(RunDirectory run, Consumer<String> out) {
		List<Path> pidFiles;
		try (Stream<Path> files = Files.list(run.pids())) {
			pidFiles = files.filter((file) -> file.toString().endsWith(".pid")).sorted().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list " + run.pids(), ex);
		}
		int stopped = 0;
		for (Path pidFile : pidFiles) {
			Optional<ProcessHandle> process = read(pidFile).flatMap(ProcessHandle::of)
				.filter((handle) -> belongsTo(handle, run));
			if (process.isPresent()) {
				stop(process.get());
				out.accept("stopped " + pidFile.getFileName().toString().replace(".pid", "") + " (pid "
						+ process.get().pid() + ")");
				stopped++;
			}
			try {
				Files.deleteIfExists(pidFile);
			}
			catch (IOException ex) {
				out.accept("cannot delete " + pidFile + ": " + ex.getMessage());
			}
		}
		return stopped;
	}

	static boolean belongsTo(ProcessHandle handle, RunDirectory run) {
		return handle.isAlive() && handle.info()
			.commandLine()
			.map((line) -> line.contains("-D" + ManagedProcess.RUN_MARKER + "=" + run.root()))
			.orElse(false);
	}

	private static Optional<Long> read(Path pidFile) {
		try {
			return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static void stop(ProcessHandle handle) {
		handle.destroy();
		try {
			handle.onExit().get(Duration.ofSeconds(15).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			handle.destroyForcibly();
		}
	}

}
