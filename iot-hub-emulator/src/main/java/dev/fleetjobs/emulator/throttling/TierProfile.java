package dev.fleetjobs.emulator.throttling;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hub tier and its number of units, with the published quotas that the emulator
 * enforces (iot-hub-protocol.md §6.2; learn.microsoft.com iot-hub-devguide-quotas-
 * throttling). {@code unlimited} (the default for local runs) enforces none.
 *
 * @param tier the tier
 * @param units the number of units (1 on F1; 1..200 on S1/S2; 1..10 on S3)
 */
public record TierProfile(Tier tier, int units) {

	/** No quotas: the default for local runs. */
	public static final TierProfile UNLIMITED = new TierProfile(Tier.UNLIMITED, 1);

	private static final Pattern SYNTAX = Pattern.compile("(?i)(unlimited|f1|s1|s2|s3)(?:\\s*[x*:]\\s*(\\d{1,4}))?");

	public TierProfile {
		if (tier == null) {
			throw new IllegalArgumentException("A tier is required");
		}
		int max = switch (tier) {
			case UNLIMITED, F1 -> 1;
			case S1, S2 -> 200;
			case S3 -> 10;
		};
		if (units < 1 || units > max) {
			throw new IllegalArgumentException(tier + " takes 1 to " + max + " units, not " + units);
		}
	}

	public static TierProfile of(Tier tier, int units) {
		return new TierProfile(tier, units);
	}

	/**
	 * Parses {@code unlimited}, {@code F1}, {@code S1}, {@code S2x4}, {@code S3:2} (case
	 * does not matter).
	 */
	public static TierProfile parse(String text) {
		Matcher matcher = SYNTAX.matcher((text != null) ? text.trim() : "");
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					"A tier profile is unlimited, F1, S1, S2 or S3, optionally with units (e.g. S2x4): " + text);
		}
		Tier tier = Tier.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
		return new TierProfile(tier, (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : 1);
	}

	public boolean unlimited() {
		return this.tier == Tier.UNLIMITED;
	}

	/** Jobs that may be queued, scheduled or running at once. */
	public int maxConcurrentJobs() {
		return switch (this.tier) {
			case UNLIMITED -> Integer.MAX_VALUE;
			case F1, S1 -> 1;
			case S2 -> 5;
			case S3 -> 10;
		};
	}

	/** Job operations (create, cancel, list) per minute. */
	public int jobOperationsPerMinute() {
		return switch (this.tier) {
			case UNLIMITED -> Integer.MAX_VALUE;
			case F1, S1, S2 -> 100 * this.units;
			case S3 -> 5000 * this.units;
		};
	}

	/** Job device operations (a method invoked or a twin updated by a job) per second. */
	public int jobDeviceOperationsPerSecond() {
		return switch (this.tier) {
			case UNLIMITED -> Integer.MAX_VALUE;
			case F1, S1 -> 10;
			case S2 -> Math.max(10, this.units);
			case S3 -> 50 * this.units;
		};
	}

	/** Queries ({@code POST /devices/query}, each page) per minute. */
	public int queriesPerMinute() {
		return switch (this.tier) {
			case UNLIMITED -> Integer.MAX_VALUE;
			case F1, S1, S2 -> 20 * this.units;
			case S3 -> 1000 * this.units;
		};
	}

	/** {@code unlimited}, {@code S1}, {@code S2x4}. */
	@Override
	public String toString() {
		if (this.tier == Tier.UNLIMITED) {
			return "unlimited";
		}
		return (this.units == 1) ? this.tier.name() : this.tier.name() + "x" + this.units;
	}

	/** The hub's tiers (basic tiers have no jobs and are not offered). */
	public enum Tier {

		UNLIMITED, F1, S1, S2, S3

	}

}
