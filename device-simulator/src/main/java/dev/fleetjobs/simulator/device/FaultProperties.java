package dev.fleetjobs.simulator.device;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Seeded, deterministic faults: which devices stay offline, which fail which methods, how
 * slowly each answers and which ones drop their connection now and then. Every decision
 * is a stable hash of the seed and the device id, so a profile always hits the same
 * devices, in every process and on every run.
 *
 * @param seed the seed of every decision
 * @param offlineFraction the fraction of devices that never connect
 * @param methodFailures devices that answer 500
 * @param latency how long devices take to answer a method
 * @param churn devices that disconnect and reconnect periodically
 * @param late devices that are offline when the fleet starts and connect a while later
 */
@Validated
@ConfigurationProperties("fleetjobs.simulator.faults")
public record FaultProperties(@DefaultValue("1") long seed,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double offlineFraction,
		@Valid @DefaultValue MethodFailures methodFailures, @Valid @DefaultValue Latency latency,
		@Valid @DefaultValue Churn churn, @Valid @DefaultValue Late late) {

	/** The constructor that binds the properties. */
	@ConstructorBinding
	public FaultProperties {
	}

	/** A profile without late devices. */
	public FaultProperties(long seed, double offlineFraction, MethodFailures methodFailures, Latency latency,
			Churn churn) {
		this(seed, offlineFraction, methodFailures, latency, churn, Late.NONE);
	}

	/** No faults at all. */
	public static FaultProperties none() {
		return new FaultProperties(1, 0, new MethodFailures(0, List.of()), Latency.NONE, Churn.NONE, Late.NONE);
	}

	/**
	 * @param fraction the fraction of devices that answer 500 to each listed method
	 * (drawn per device and method)
	 * @param methods the methods that can fail
	 */
	public record MethodFailures(@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double fraction, @DefaultValue( {
			DoorLock.LOCK_DOOR, DoorLock.UNLOCK_DOOR }) List<String> methods){
	}

	/**
	 * A per-device answer latency, drawn once per device.
	 *
	 * @param distribution none, fixed ({@code fixed}), uniform ({@code min}..{@code max})
	 * or normal ({@code mean}, {@code std-dev}, cut at 0 and at {@code max} when set)
	 * @param fixed the latency of the fixed distribution
	 * @param min the lower bound of the uniform distribution
	 * @param max the upper bound of the uniform (and normal) distribution
	 * @param mean the mean of the normal distribution
	 * @param stdDev the standard deviation of the normal distribution
	 */
	public record Latency(@DefaultValue("none") @NotNull Distribution distribution, @DefaultValue("0ms") Duration fixed,
			@DefaultValue("0ms") Duration min, @DefaultValue("0ms") Duration max, @DefaultValue("0ms") Duration mean,
			@DefaultValue("0ms") Duration stdDev) {

		public static final Latency NONE = new Latency(Distribution.NONE, Duration.ZERO, Duration.ZERO, Duration.ZERO,
				Duration.ZERO, Duration.ZERO);

		public static Latency fixed(Duration latency) {
			return new Latency(Distribution.FIXED, latency, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
		}

		public static Latency uniform(Duration min, Duration max) {
			return new Latency(Distribution.UNIFORM, Duration.ZERO, min, max, Duration.ZERO, Duration.ZERO);
		}

		public static Latency normal(Duration mean, Duration stdDev, Duration max) {
			return new Latency(Distribution.NORMAL, Duration.ZERO, Duration.ZERO, max, mean, stdDev);
		}

	}

	/** The shapes a latency can take. */
	public enum Distribution {

		NONE, FIXED, UNIFORM, NORMAL

	}

	/**
	 * @param fraction the fraction of devices that churn
	 * @param period how often a churning device drops its connection (each device at its
	 * own phase)
	 * @param downtime how long it stays away before reconnecting
	 */
	public record Churn(@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double fraction,
			@DefaultValue("60s") @NotNull Duration period, @DefaultValue("5s") @NotNull Duration downtime) {

		public static final Churn NONE = new Churn(0, Duration.ofSeconds(60), Duration.ofSeconds(5));

	}

	/**
	 * @param fraction the fraction of devices (among those that are not offline for good)
	 * that connect late
	 * @param delay how long after the fleet's start they connect
	 */
	public record Late(@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double fraction,
			@DefaultValue("20s") @NotNull Duration delay) {

		public static final Late NONE = new Late(0, Duration.ofSeconds(20));

	}

}
