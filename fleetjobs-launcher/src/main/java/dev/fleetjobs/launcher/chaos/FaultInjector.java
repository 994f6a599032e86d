package dev.fleetjobs.launcher.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

import dev.fleetjobs.launcher.stack.LocalStack;
import dev.fleetjobs.launcher.stack.ManagedProcess;

/**
 * Injects one fault and measures the recovery: from the fault (the kill, the end of the
 * storm, the dropped connections) until the component is healthy again and the next
 * progress event is on Kafka (for a disconnect: until every device is connected again).
 */
final class FaultInjector {

	private static final Duration RESTART = Duration.ofMinutes(3);

	private static final Duration FLOW = Duration.ofSeconds(60);

	private final LocalStack stack;

	private final HubControl hub;

	private final TopicRecorder topics;

	private final HubCallLedger calls;

	private final Random random;

	private final Consumer<String> out;

	private final Recoveries recoveries;

	private final WorkFlow flow;

	private final List<Thread> measuring = new ArrayList<>();

	FaultInjector(LocalStack stack, HubControl hub, TopicRecorder topics, HubCallLedger calls, Random random,
			Consumer<String> out, Recoveries recoveries, WorkFlow flow) {
		this.stack = stack;
		this.hub = hub;
		this.topics = topics;
		this.calls = calls;
		this.random = random;
		this.out = out;
		this.recoveries = recoveries;
		this.flow = flow;
	}

	/**
	 * Injects the fault and returns once the component is healthy again; the rest of the
	 * recovery (the next progress event) is measured in the background, so that the next
	 * fault keeps its moment.
	 */
	void inject(FaultKind kind) {
		switch (kind) {
			case KILL_REQUEST, KILL_EXECUTOR, KILL_STATUS, KILL_SIMULATOR, KILL_BROKER -> killAndRestart(kind);
			case EMULATOR_CRASH -> {
				this.calls.closeIncarnation();
				killAndRestart(kind);
			}
			case KAFKA_RESTART -> restartBroker();
			case HUB_STORM -> storm();
			case DEVICE_DISCONNECT -> this.recoveries.add(kind, disconnect());
		}
	}

	/** Waits for the recoveries still being measured. */
	void awaitMeasurements() {
		for (Thread thread : this.measuring) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void killAndRestart(FaultKind kind) {
		ManagedProcess process = this.stack.process(kind.process());
		long pause = 200 + this.random.nextInt(1800);
		long start = System.nanoTime();
		long pid = process.pid();
		process.kill();
		this.out
			.accept(String.format(Locale.ROOT, "  kill -9 %s (pid %d); restart in %d ms", kind.process(), pid, pause));
		Chaos.sleep(pause);
		process.start();
		process.awaitHealthy(RESTART);
		flowing(kind, start, System.nanoTime());
	}

	private void restartBroker() {
		ManagedProcess kafka = this.stack.process(FaultKind.KAFKA_RESTART.process());
		long start = System.nanoTime();
		kafka.stop(Duration.ofSeconds(30));
		this.out.accept("  Kafka broker stopped; starting it on the same data");
		kafka.start();
		kafka.awaitHealthy(RESTART);
		flowing(FaultKind.KAFKA_RESTART, start, System.nanoTime());
	}

	private void storm() {
		int status = this.random.nextBoolean() ? 429 : 503;
		double fraction = 0.3 + 0.5 * this.random.nextDouble();
		long seconds = 5 + this.random.nextInt(11);
		long seed = this.random.nextInt(1_000_000);
		String body = String.format(Locale.ROOT, "{\"operation\":\"%%s\",\"status\":%d,\"fraction\":%.2f,\"seed\":%d}",
				status, fraction, seed);
		this.hub.fault(String.format(body, "jobs.*"));
		this.hub.fault(String.format(body, "devices.query"));
		this.out.accept(String.format(Locale.ROOT, "  hub storm: %d on %.0f%% of job calls and queries for %d s",
				status, fraction * 100, seconds));
		Chaos.sleep(seconds * 1000);
		this.hub.clearFaults();
		long lifted = System.nanoTime();
		flowing(FaultKind.HUB_STORM, lifted, lifted);
	}

	private Duration disconnect() {
		long start = System.nanoTime();
		int dropped = this.hub.disconnectAll();
		this.out.accept("  dropped " + dropped + " device connections");
		int devices = this.stack.settings().devices();
		long deadline = start + FLOW.toNanos();
		try {
			while (System.nanoTime() < deadline) {
				if (this.hub.connectedDevices() >= devices) {
					Duration recovery = Duration.ofNanos(System.nanoTime() - start);
					this.out.accept(String.format(Locale.ROOT, "  every device connected again after %.1f s",
							recovery.toMillis() / 1000.0));
					return recovery;
				}
				Chaos.sleep(250);
			}
			this.out.accept("  not every device reconnected within " + FLOW.toSeconds() + " s");
			return Duration.ofNanos(System.nanoTime() - start);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Cannot count the connected devices: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Recovery: healthy, then work flowing again (see {@link WorkFlow}) if it is expected
	 * and comes within a minute; only healthy when none is expected.
	 */
	private void flowing(FaultKind kind, long start, long healthy) {
		String took = String.format(Locale.ROOT, "  %s: healthy after %.1f s", kind.label(),
				Chaos.seconds(healthy - start));
		if (!this.flow.expected(kind)) {
			this.out.accept(took + " (no work in flight)");
			this.recoveries.add(kind, Duration.ofNanos(healthy - start));
			return;
		}
		this.out.accept(took);
		Thread thread = new Thread(() -> {
			long deadline = healthy + FLOW.toNanos();
			long next = this.flow.firstAfter(kind, healthy);
			while (next < 0 && System.nanoTime() < deadline) {
				Chaos.sleep(100);
				next = this.flow.firstAfter(kind, healthy);
			}
			long end = (next > 0) ? next : healthy;
			this.out.accept(String.format(Locale.ROOT, "  %s: %s", kind.label(), (next > 0)
					? String.format(Locale.ROOT, "work flows again %.1f s after the fault", Chaos.seconds(end - start))
					: "no work flowed within " + FLOW.toSeconds() + " s"));
			this.recoveries.add(kind, Duration.ofNanos(end - start));
		}, "chaos-recovery-" + kind.label());
		thread.setDaemon(true);
		thread.start();
		this.measuring.add(thread);
	}

}
