package dev.fleetjobs.status.hub;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff after throttling: each further failure multiplies the pause (with
 * ±20% jitter, capped); a success starts over.
 */
final class Backoff {

	private final Duration initial;

	private final Duration max;

	private final double multiplier;

	private final DoubleSupplier random;

	private int failures;

	private Instant until = Instant.MIN;

	Backoff(Duration initial, Duration max, double multiplier, DoubleSupplier random) {
		this.initial = initial;
		this.max = max;
		this.multiplier = multiplier;
		this.random = random;
	}

	/** Records a failure at {@code now}; returns the pause it starts. */
	synchronized Duration failed(Instant now) {
		double nanos = this.initial.toNanos() * Math.pow(this.multiplier, this.failures);
		nanos = Math.min(nanos, this.max.toNanos());
		double jitter = 0.8 + 0.4 * this.random.getAsDouble();
		Duration pause = Duration.ofNanos((long) Math.min(nanos * jitter, this.max.toNanos()));
		this.failures++;
		this.until = now.plus(pause);
		return pause;
	}

	synchronized void succeeded() {
		this.failures = 0;
	}

	/** Until when calls wait; {@link Instant#MIN} when they need not. */
	synchronized Instant until() {
		return this.until;
	}

	synchronized int failures() {
		return this.failures;
	}

}
