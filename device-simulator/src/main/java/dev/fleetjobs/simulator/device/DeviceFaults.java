package dev.fleetjobs.simulator.device;

import java.time.Duration;
import java.util.Set;

/**
 * The faults one device carries, as the {@link FaultPlan} drew them.
 *
 * @param offline the device never connects
 * @param failingMethods the methods it answers with 500
 * @param latency how long it waits before answering a method
 * @param churn when it drops its connection, or null when it never does
 * @param lateBy how long after the fleet's start it connects (zero: at once)
 */
public record DeviceFaults(boolean offline, Set<String> failingMethods, Duration latency, ChurnSchedule churn,
		Duration lateBy) {

	public static final DeviceFaults NONE = new DeviceFaults(false, Set.of(), Duration.ZERO, null, Duration.ZERO);

	/** Faults of a device that connects with the fleet. */
	public DeviceFaults(boolean offline, Set<String> failingMethods, Duration latency, ChurnSchedule churn) {
		this(offline, failingMethods, latency, churn, Duration.ZERO);
	}

	/** Whether it connects only a while after the fleet's start. */
	public boolean isLate() {
		return !this.lateBy.isZero();
	}

	public DeviceFaults {
		failingMethods = Set.copyOf(failingMethods);
	}

	public boolean failsMethod(String methodName) {
		return this.failingMethods.contains(methodName);
	}

	/**
	 * A churning device drops its connection at {@code phase + k * period} after it first
	 * connects and comes back after {@code downtime}.
	 */
	public record ChurnSchedule(Duration period, Duration phase, Duration downtime) {
	}

}
