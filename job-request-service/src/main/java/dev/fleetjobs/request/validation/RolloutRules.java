package dev.fleetjobs.request.validation;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.contracts.rollout.AbortCriterion;
import dev.fleetjobs.contracts.rollout.ExponentialRate;
import dev.fleetjobs.contracts.rollout.FailureType;
import dev.fleetjobs.contracts.rollout.RateIncreaseCriteria;
import dev.fleetjobs.contracts.rollout.RetryCriterion;
import dev.fleetjobs.contracts.rollout.Rollout;

/**
 * The limits of a rollout's rates, abort and retry criteria and end time; its maintenance
 * windows are {@link WindowRules}'. The executor fills in the defaults.
 */
final class RolloutRules {

	static final int MAX_RATE_PER_MINUTE = 100_000;

	static final int MAX_RATE_INCREASE_COUNT = 1_000_000;

	static final int MAX_WAVE_INTERVAL_IN_SECONDS = 3600;

	static final int MAX_ABORT_CRITERIA = 10;

	static final int MAX_RETRY_CRITERIA = 3;

	static final int MAX_RETRIES = 10;

	private static final String FIELD = "rollout";

	private final WindowRules windows = new WindowRules();

	/**
	 * Checks the rollout of a job that starts at {@code start} (at once when that is
	 * before {@code now}).
	 */
	void check(Rollout rollout, Instant start, Instant now, List<Violation> violations) {
		Integer maxRate = rollout.maxDevicesPerMinute();
		range(FIELD + ".maxDevicesPerMinute", maxRate, 1, MAX_RATE_PER_MINUTE, violations);
		if (rollout.exponential() != null) {
			exponential(rollout.exponential(), maxRate, violations);
		}
		range(FIELD + ".waveIntervalInSeconds", rollout.waveIntervalInSeconds(), 1, MAX_WAVE_INTERVAL_IN_SECONDS,
				violations);
		if (rollout.abort() != null) {
			abort(rollout.abort(), violations);
		}
		if (rollout.retry() != null) {
			retry(rollout.retry(), violations);
		}
		Instant end = rollout.endTime();
		if (end != null && !end.isAfter(now)) {
			violations.add(Violation.invalid(FIELD + ".endTime", "must be in the future"));
		}
		else if (end != null && !end.isAfter(start)) {
			violations.add(Violation.invalid(FIELD + ".endTime", "must be after the start time " + start));
		}
		if (rollout.endBehavior() != null && end == null) {
			violations.add(Violation.invalid(FIELD + ".endBehavior", "only with an endTime"));
		}
		if (rollout.maintenanceWindows() != null) {
			Instant from = start.isAfter(now) ? start : now;
			this.windows.check(FIELD + ".maintenanceWindows", rollout.maintenanceWindows(), from, end,
					end == null || end.isAfter(from), violations);
		}
	}

	private void exponential(ExponentialRate rate, Integer maxRate, List<Violation> violations) {
		String field = FIELD + ".exponential";
		Integer base = rate.baseRatePerMinute();
		required(field + ".baseRatePerMinute", base, violations);
		if (range(field + ".baseRatePerMinute", base, 1, MAX_RATE_PER_MINUTE, violations) && base != null
				&& maxRate != null && maxRate >= 1 && base > maxRate) {
			violations.add(Violation.invalid(field + ".baseRatePerMinute",
					"must not exceed maxDevicesPerMinute (" + maxRate + "), which caps the growing rate"));
		}
		required(field + ".incrementFactor", rate.incrementFactor(), violations);
		range(field + ".incrementFactor", rate.incrementFactor(), 1.1, 5.0, violations);
		RateIncreaseCriteria criteria = rate.rateIncreaseCriteria();
		String criteriaField = field + ".rateIncreaseCriteria";
		if (criteria == null) {
			violations.add(Violation.invalid(criteriaField, "is required"));
		}
		else if ((criteria.numberOfNotifiedDevices() == null) == (criteria.numberOfSucceededDevices() == null)) {
			violations.add(Violation.invalid(criteriaField,
					"give exactly one of numberOfNotifiedDevices or numberOfSucceededDevices"));
		}
		else {
			range(criteriaField + ".numberOfNotifiedDevices", criteria.numberOfNotifiedDevices(), 1,
					MAX_RATE_INCREASE_COUNT, violations);
			range(criteriaField + ".numberOfSucceededDevices", criteria.numberOfSucceededDevices(), 1,
					MAX_RATE_INCREASE_COUNT, violations);
		}
	}

	private void abort(List<AbortCriterion> criteria, List<Violation> violations) {
		each(FIELD + ".abort", criteria, MAX_ABORT_CRITERIA, "abort criteria", violations, (item, i, criterion) -> {
			required(item + ".failureType", criterion.failureType(), violations);
			Double threshold = criterion.thresholdPercentage();
			required(item + ".thresholdPercentage", threshold, violations);
			if (threshold != null && (threshold <= 0 || threshold > 100)) {
				violations.add(Violation.invalid(item + ".thresholdPercentage", "must be above 0 and at most 100"));
			}
			Integer minimum = criterion.minNumberOfExecutedDevices();
			if (minimum != null && minimum < 1) {
				violations.add(Violation.invalid(item + ".minNumberOfExecutedDevices", "must be at least 1"));
			}
		});
	}

	private void retry(List<RetryCriterion> criteria, List<Violation> violations) {
		Map<FailureType, Integer> seen = new EnumMap<>(FailureType.class);
		each(FIELD + ".retry", criteria, MAX_RETRY_CRITERIA, "retry criteria", violations, (item, i, criterion) -> {
			FailureType type = criterion.failureType();
			required(item + ".failureType", type, violations);
			if (type != null) {
				failureTypeOnce(item + ".failureType", type, i, seen, violations);
			}
			required(item + ".numberOfRetries", criterion.numberOfRetries(), violations);
			range(item + ".numberOfRetries", criterion.numberOfRetries(), 1, MAX_RETRIES, violations);
			range(item + ".backoffInSeconds", criterion.backoffInSeconds(), 0,
					(int) RetryCriterion.MAX_BACKOFF_IN_SECONDS, violations);
			range(item + ".backoffMultiplier", criterion.backoffMultiplier(), 1.0, 10.0, violations);
		});
	}

	/**
	 * Checks each item of a list of at most {@code max} objects, naming it
	 * {@code field[i]}; a null item is "must be an object".
	 */
	private static <T> void each(String field, List<T> items, int max, String noun, List<Violation> violations,
			ItemCheck<T> check) {
		if (items.size() > max) {
			violations.add(Violation.invalid(field, "at most " + max + " " + noun));
			return;
		}
		for (int i = 0; i < items.size(); i++) {
			String item = field + "[" + i + "]";
			if (items.get(i) == null) {
				violations.add(Violation.invalid(item, "must be an object"));
			}
			else {
				check.check(item, i, items.get(i));
			}
		}
	}

	@FunctionalInterface
	private interface ItemCheck<T> {

		void check(String field, int index, T item);

	}

	/** At most one retry criterion per failure type, and ALL alone. */
	private static void failureTypeOnce(String field, FailureType type, int index, Map<FailureType, Integer> seen,
			List<Violation> violations) {
		Integer same = seen.get(type);
		Integer other = seen.entrySet()
			.stream()
			.filter((entry) -> entry.getKey() != type && (type == FailureType.ALL || entry.getKey() == FailureType.ALL))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
		if (same != null) {
			violations.add(Violation.invalid(field,
					"a second retry criterion for " + type + " (the first is rollout.retry[" + same + "])"));
		}
		else if (other != null) {
			violations.add(Violation.invalid(field, "ALL covers FAILED and TIMED_OUT and cannot be combined with "
					+ "another retry criterion (see rollout.retry[" + other + "])"));
		}
		seen.putIfAbsent(type, index);
	}

	static void required(String field, Object value, List<Violation> violations) {
		if (value == null) {
			violations.add(Violation.invalid(field, "is required"));
		}
	}

	/** Adds a violation unless the value is absent or within min..max; true if fine. */
	static boolean range(String field, Integer value, int min, int max, List<Violation> violations) {
		if (value != null && (value < min || value > max)) {
			violations.add(Violation.invalid(field, "must be " + min + ".." + max));
			return false;
		}
		return true;
	}

	static boolean range(String field, Long value, long min, long max, List<Violation> violations) {
		if (value != null && (value < min || value > max)) {
			violations.add(Violation.invalid(field, "must be " + min + ".." + max));
			return false;
		}
		return true;
	}

	static void range(String field, Double value, double min, double max, List<Violation> violations) {
		if (value != null && (value < min || value > max)) {
			violations.add(Violation.invalid(field, "must be " + min + ".." + max));
		}
	}

}
