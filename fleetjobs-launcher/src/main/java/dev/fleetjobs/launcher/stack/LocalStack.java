package dev.fleetjobs.launcher.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole system as separate processes: the Kafka broker, then the emulator, then the
 * three services and the simulated fleet side by side. Stopped in reverse order.
 */
public final class LocalStack implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(180);

	/** A registration-only fleet registers well over 4,000 devices a second. */
	private static final int REGISTERED_PER_SECOND = 4_000;

	private final StackSettings settings;

	private final StackComponents components;

	private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();

	public LocalStack(StackSettings settings) {
		this.settings = settings;
		this.components = new StackComponents(settings);
	}

	public StackSettings settings() {
		return this.settings;
	}

	public StackComponents components() {
		return this.components;
	}

	/**
	 * Stops what a previous run of the folder left running, checks the ports, then starts
	 * every component and waits until each is healthy.
	 */
	public LocalStack start(Consumer<String> out) {
		int leftovers = RunningProcesses.stopAll(this.settings.run(), out);
		if (leftovers > 0) {
			out.accept("stopped " + leftovers + " processes of the previous run");
		}
		checkPortsFree();
		long started = System.nanoTime();
		startAndAwait(this.components.brokers().stream().map(KafkaBroker::prepare).toList(), out);
		startAndAwait(List.of(this.components.emulator()), out);
		List<ManagedProcess> rest = new ArrayList<>(this.components.services());
		rest.addAll(this.components.fleet());
		startAndAwait(rest, out);
		out.accept(String.format("all %d processes healthy in %.1f s", this.processes.size(),
				(System.nanoTime() - started) / 1e9));
		return this;
	}

	public ManagedProcess process(String name) {
		ManagedProcess process = this.processes.get(name);
		if (process == null) {
			throw new IllegalArgumentException("No process " + name + "; running: " + this.processes.keySet());
		}
		return process;
	}

	public List<ManagedProcess> processes() {
		return List.copyOf(this.processes.values());
	}

	/** Stops every process, the last started first. */
	@Override
	public void close() {
		List<ManagedProcess> reverse = new ArrayList<>(this.processes.values());
		java.util.Collections.reverse(reverse);
		for (ManagedProcess process : reverse) {
			process.stop(Duration.ofSeconds(20));
		}
	}

	private void startAndAwait(List<ManagedProcess> group, Consumer<String> out) {
		for (ManagedProcess process : group) {
			this.processes.put(process.name(), process.start());
			out.accept("started " + process.name() + " (pid " + process.pid() + ", log "
					+ this.settings.run().log(process.name()) + ")");
		}
		for (ManagedProcess process : group) {
			long begin = System.nanoTime();
			process.awaitHealthy(STARTUP.plusSeconds(
					(this.settings.registrationShards() > 0) ? this.settings.devices() / REGISTERED_PER_SECOND : 0));
			out.accept(String.format("%s is healthy (%.1f s)", process.name(), (System.nanoTime() - begin) / 1e9));
		}
	}

	private void checkPortsFree() {
		StackPorts ports = this.settings.ports();
		for (int port : ports.all()) {
			try (ServerSocket socket = new ServerSocket()) {
				// Connections of a previous run in TIME_WAIT do not make a port busy.
				socket.setReuseAddress(true);
				socket.bind(new InetSocketAddress(port));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Port " + port + " is in use by another program; stop it, or run "
						+ "with --port-offset 10000 to move every port of the local run");
			}
		}
	}

}
