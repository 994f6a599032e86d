package dev.fleetjobs.launcher.stack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child process of a local run: started with its output appended to its log file and
 * its pid in the run folder, checked for health, stopped gracefully, or killed with
 * SIGKILL (for fault tests), and restarted with the same command.
 */
public final class ManagedProcess {

	/** The system property that marks a child as belonging to a run folder. */
	public static final String RUN_MARKER = "fleetjobs.run";

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment;

	private final RunDirectory run;

	private final HealthCheck health;

	private Process process;

	public ManagedProcess(String name, List<String> command, Map<String, String> environment, RunDirectory run,
			HealthCheck health) {
		this.name = name;
		this.command = List.copyOf(command);
		this.environment = Map.copyOf(environment);
		this.run = run;
		this.health = health;
	}

	/** A {@code java} command line with this JVM's binary and the run marker. */
	public static List<String> java(RunDirectory run, String component, List<String> jvmOptions,
			List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-D" + RUN_MARKER + "=" + run.root());
		command.add("-Dfleetjobs.component=" + component);
		command.addAll(jvmOptions);
		command.addAll(arguments);
		return command;
	}

	public String name() {
		return this.name;
	}

	/** The command line, as {@code ps} shows it: no secret belongs here. */
	public List<String> command() {
		return this.command;
	}

	/** The variables added to the inherited environment (secrets go here). */
	public Map<String, String> environment() {
		return this.environment;
	}

	public synchronized ManagedProcess start() {
		if (isAlive()) {
			return this;
		}
		try {
			Path log = this.run.log(this.name);
			ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.directory(new File(System.getProperty("user.dir")));
			builder.environment().putAll(this.environment);
			this.process = builder.start();
			Files.writeString(this.run.pidFile(this.name), Long.toString(this.process.pid()));
			return this;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + this.name + ": " + ex.getMessage(), ex);
		}
	}

	public synchronized boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	public synchronized long pid() {
		return (this.process != null) ? this.process.pid() : -1;
	}

	public boolean healthy() {
		return isAlive() && this.health.healthy();
	}

	/**
	 * Waits until the health check passes; fails fast, with the log's tail, if the
	 * process dies.
	 */
	public void awaitHealthy(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with code " + exitCode() + "; last log lines:\n" + logTail(20));
			}
			if (this.health.healthy()) {
				return;
			}
			sleep(250);
		}
		throw new IllegalStateException(
				this.name + " was not healthy within " + timeout.toSeconds() + " s; last log lines:\n" + logTail(20));
	}

	/** SIGTERM, then SIGKILL after the grace period. */
	public synchronized void stop(Duration grace) {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		deletePidFile();
	}

	/** SIGKILL, as {@code kill -9} does: no shutdown hook runs. */
	public synchronized void kill() {
		if (this.process == null) {
			return;
		}
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		deletePidFile();
	}

	/** The last lines of this process's log. */
	public String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.run.log(this.name), StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private synchronized String exitCode() {
		return (this.process != null && !this.process.isAlive()) ? Integer.toString(this.process.exitValue()) : "?";
	}

	private void deletePidFile() {
		try {
			Files.deleteIfExists(this.run.pidFile(this.name));
		}
		catch (IOException ex) {
			// The pid file is only a hint for "./fleetjobs down".
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
