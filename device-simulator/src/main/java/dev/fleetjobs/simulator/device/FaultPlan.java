package dev.fleetjobs.simulator.device;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import dev.fleetjobs.simulator.device.DeviceFaults.ChurnSchedule;
import dev.fleetjobs.simulator.device.FaultProperties.Latency;
import dev.fleetjobs.simulator.device.MethodExpectation.Outcome;

/**
 * Draws each device's faults from a {@link FaultProperties} profile, deterministically:
 * every draw is SHA-256 of {@code seed:deviceId:what}, so the same profile hits the same
 * devices in every process, shard and run. It also predicts what a test must observe when
 * a method or a twin update reaches a device.
 */
public final class FaultPlan {

	/** Latencies this close to a response timeout may land on either side of it. */
	static final Duration TIMING_SLACK = Duration.ofSeconds(1);

	private final FaultProperties profile;

	public FaultPlan(FaultProperties profile) {
		this.profile = profile;
	}

	public static FaultPlan none() {
		return new FaultPlan(FaultProperties.none());
	}

	public FaultProperties profile() {
		return this.profile;
	}

	/** The faults of one device. */
	public DeviceFaults faultsOf(String deviceId) {
		boolean offline = draw(deviceId, "offline") < this.profile.offlineFraction();
		Set<String> failing = this.profile.methodFailures()
			.methods()
			.stream()
			.filter((method) -> draw(deviceId, "fail:" + method) < this.profile.methodFailures().fraction())
			.collect(Collectors.toSet());
		ChurnSchedule churn = null;
		if (!offline && draw(deviceId, "churn") < this.profile.churn().fraction()) {
			Duration period = this.profile.churn().period();
			churn = new ChurnSchedule(period,
					Duration.ofMillis((long) (draw(deviceId, "churn-phase") * period.toMillis())),
					this.profile.churn().downtime());
		}
		Duration latency = latency(deviceId);
		Duration late = (!offline && draw(deviceId, "late") < this.profile.late().fraction())
				? this.profile.late().delay() : Duration.ZERO;
		if (!offline && failing.isEmpty() && latency.isZero() && churn == null && late.isZero()) {
			return DeviceFaults.NONE; // shared: most devices of a big fleet carry no
										// fault
		}
		return new DeviceFaults(offline, failing, latency, churn, late);
	}

	/**
	 * What a direct method call (or a method job) on a device ends with.
	 * @param payloadJson the method payload (it matters only when it is invalid)
	 * @param responseTimeout the call's {@code responseTimeoutInSeconds}
	 */
	public MethodExpectation expectMethod(String deviceId, String methodName, String payloadJson,
			Duration responseTimeout) {
		DeviceFaults faults = faultsOf(deviceId);
		if (faults.offline()) {
			return new MethodExpectation(Outcome.DEVICE_NOT_ONLINE, 404, 404103, true);
		}
		// A churning device answers a call that finds it connected, or that waits for it
		// (connect timeout) while it is away; a call that reaches it in the instant it
		// drops
		// its connection is lost (504101), as on a real hub. So its outcome is never
		// certain.
		boolean certain = faults.churn() == null && !faults.isLate();
		Duration latency = faults.latency();
		certain &= latency.minus(responseTimeout).abs().compareTo(TIMING_SLACK) >= 0;
		if (latency.compareTo(responseTimeout) >= 0) {
			return new MethodExpectation(Outcome.TIMED_OUT, 504, 504101, certain);
		}
		MethodReply reply = new DoorLock(deviceId, faults, Clock.systemUTC()).onMethod(methodName, payloadJson);
		return new MethodExpectation(Outcome.ANSWERED, reply.status(), 0, certain);
	}

	/**
	 * Whether a device reports the desired properties of a twin update back: every device
	 * that ever connects does (a churning device after it reconnects).
	 */
	public boolean reportsDesired(String deviceId) {
		return !faultsOf(deviceId).offline();
	}

	private Duration latency(String deviceId) {
		Latency latency = this.profile.latency();
		double millis = switch (latency.distribution()) {
			case NONE -> 0;
			case FIXED -> latency.fixed().toMillis();
			case UNIFORM -> latency.min().toMillis()
					+ draw(deviceId, "latency") * (latency.max().toMillis() - latency.min().toMillis());
			case NORMAL -> {
				double u1 = 1 - draw(deviceId, "latency");
				double u2 = draw(deviceId, "latency-2");
				double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
				double value = Math.max(0, latency.mean().toMillis() + z * latency.stdDev().toMillis());
				yield latency.max().isZero() ? value : Math.min(value, latency.max().toMillis());
			}
		};
		return Duration.ofMillis(Math.round(millis));
	}

	/** A uniform draw in [0, 1) from SHA-256 of seed, device id and what is drawn. */
	double draw(String deviceId, String what) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((this.profile.seed() + ":" + deviceId + ":" + what).getBytes(StandardCharsets.UTF_8));
			return (ByteBuffer.wrap(hash).getLong() >>> 11) * 0x1.0p-53;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
