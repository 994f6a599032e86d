package dev.fleetjobs.emulator.faults;

import java.time.Duration;

/**
 * An injected fault: which operation it hits ({@code jobs.create}, {@code devices.query},
 * ... or {@code *}; a trailing {@code .*} matches a prefix, e.g. {@code jobs.*}), what it
 * does (answer 429 or 503 with the hub's body, or delay the call), and which calls it
 * hits (the next {@code times} calls, or a seeded {@code fraction} of calls, or every
 * call).
 *
 * @param operation the operation name or pattern
 * @param status 429 or 503, or 0 for a delay
 * @param delay how long to hold each call it hits before it runs, or null
 * @param times how many calls it hits before it is used up, or null for no limit
 * @param fraction the share of calls it hits (0..1), or null for every call
 * @param seed the seed of the random choice of calls when there is a fraction
 */
public record Fault(String operation, int status, Duration delay, Integer times, Double fraction, long seed) {

	public Fault {
		if (operation == null || operation.isBlank()) {
			throw new IllegalArgumentException("A fault needs an operation, e.g. jobs.create or *");
		}
		if ((status == 0) == (delay == null)) {
			throw new IllegalArgumentException("A fault either answers 429 or 503, or delays the call");
		}
		if (status != 0 && status != 429 && status != 503) {
			throw new IllegalArgumentException("A fault answers 429 or 503, not " + status);
		}
		if (delay != null && (delay.isNegative() || delay.toMinutes() > 10)) {
			throw new IllegalArgumentException("A fault's delay is 0 to 10 minutes: " + delay);
		}
		if (times != null && times < 1) {
			throw new IllegalArgumentException("A fault hits at least one call: " + times);
		}
		if (fraction != null && (fraction <= 0 || fraction > 1)) {
			throw new IllegalArgumentException("A fault's fraction is above 0 and at most 1: " + fraction);
		}
	}

	/** Answers the hub's 429 ThrottlingException. */
	public static Fault throttle(String operation) {
		return new Fault(operation, 429, null, null, null, 0);
	}

	/** Answers the hub's 503 ServiceUnavailable. */
	public static Fault unavailable(String operation) {
		return new Fault(operation, 503, null, null, null, 0);
	}

	/** Holds each call this long before it runs. */
	public static Fault delay(String operation, Duration delay) {
		return new Fault(operation, 0, delay, null, null, 0);
	}

	/** The same fault, for the next {@code times} matching calls only. */
	public Fault times(int times) {
		return new Fault(this.operation, this.status, this.delay, times, this.fraction, this.seed);
	}

	/** The same fault, for a share of the matching calls chosen by a seeded random. */
	public Fault fraction(double fraction, long seed) {
		return new Fault(this.operation, this.status, this.delay, this.times, fraction, seed);
	}

	boolean matches(String name) {
		if (this.operation.equals("*") || this.operation.equals(name)) {
			return true;
		}
		return this.operation.endsWith(".*")
				&& name.startsWith(this.operation.substring(0, this.operation.length() - 1));
	}

}
