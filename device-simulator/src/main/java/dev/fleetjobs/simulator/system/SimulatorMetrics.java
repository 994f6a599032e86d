package dev.fleetjobs.simulator.system;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import dev.fleetjobs.simulator.device.DoorLock;
import dev.fleetjobs.simulator.engine.FleetEvents;

/**
 * The fleet's metrics: {@code fleetjobs_simulator_devices_connected} and
 * {@code _expected}, {@code _methods_total{method,status}},
 * {@code _desired_patches_applied_total}, {@code _reconnects_total},
 * {@code _reported_patches_total{result}} and {@code _connect_failures_total}. Method
 * names other than the door lock's are counted as {@code other}, so callers cannot blow
 * up the series count.
 */
@Component
public class SimulatorMetrics implements FleetEvents {

	private static final Set<String> KNOWN_METHODS = Set.of(DoorLock.LOCK_DOOR, DoorLock.UNLOCK_DOOR);

	private final MeterRegistry registry;

	private final AtomicInteger connected = new AtomicInteger();

	private final AtomicInteger expected = new AtomicInteger();

	private final Map<String, Counter> methods = new ConcurrentHashMap<>();

	private final Counter desiredApplied;

	private final Counter reconnects;

	private final Counter reportsAccepted;

	private final Counter reportsRefused;

	private final Counter connectFailures;

	private final LongAdder methodCount = new LongAdder();

	private final LongAdder failedMethodCount = new LongAdder();

	public SimulatorMetrics(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder("fleetjobs.simulator.devices.connected", this.connected, AtomicInteger::get)
			.description("Simulated devices connected and subscribed")
			.register(registry);
		Gauge.builder("fleetjobs.simulator.devices.expected", this.expected, AtomicInteger::get)
			.description("Simulated devices that should be connected (not offline by the fault plan)")
			.register(registry);
		this.desiredApplied = Counter.builder("fleetjobs.simulator.desired.patches.applied")
			.description("Desired-property patches applied and reported back")
			.register(registry);
		this.reconnects = Counter.builder("fleetjobs.simulator.reconnects")
			.description("Connections after a device's first")
			.register(registry);
		this.reportsAccepted = reported("accepted");
		this.reportsRefused = reported("refused");
		this.connectFailures = Counter.builder("fleetjobs.simulator.connect.failures")
			.description("Connection attempts that failed")
			.register(registry);
	}

	private Counter reported(String result) {
		return Counter.builder("fleetjobs.simulator.reported.patches")
			.description("Reported-property patches the hub answered")
			.tag("result", result)
			.register(this.registry);
	}

	/** The number of devices that should connect. */
	public void expect(int devices) {
		this.expected.set(devices);
	}

	@Override
	public void connected(String deviceId, boolean reconnect) {
		this.connected.incrementAndGet();
		if (reconnect) {
			this.reconnects.increment();
		}
	}

	@Override
	public void disconnected(String deviceId) {
		this.connected.decrementAndGet();
	}

	@Override
	public void connectFailed(String deviceId, Throwable cause) {
		this.connectFailures.increment();
	}

	@Override
	public void methodAnswered(String methodName, int status) {
		String method = KNOWN_METHODS.contains(methodName) ? methodName : "other";
		this.methods
			.computeIfAbsent(method + "|" + status,
					(key) -> Counter.builder("fleetjobs.simulator.methods")
						.description("Direct methods answered, by method and status")
						.tag("method", method)
						.tag("status", Integer.toString(status))
						.register(this.registry))
			.increment();
		this.methodCount.increment();
		if (status >= 300) {
			this.failedMethodCount.increment();
		}
	}

	@Override
	public void desiredApplied(String deviceId) {
		this.desiredApplied.increment();
	}

	@Override
	public void reported(String deviceId, boolean accepted) {
		(accepted ? this.reportsAccepted : this.reportsRefused).increment();
	}

	/** Totals for the periodic summary line. */
	Totals totals() {
		return new Totals(this.connected.get(), this.expected.get(), this.methodCount.sum(),
				this.failedMethodCount.sum(), (long) this.desiredApplied.count(), (long) this.reconnects.count(),
				(long) this.reportsRefused.count(), (long) this.connectFailures.count());
	}

	record Totals(int connected, int expected, long methods, long failedMethods, long desiredPatches, long reconnects,
			long refusedReports, long connectFailures) {
	}

}
