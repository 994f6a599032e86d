package dev.fleetjobs.status.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * When a job is polled next: by its age (young jobs often, old ones rarely), and at its
 * start time when it waits for one.
 */
final class Cadence {

	private final List<TrackingProperties.Step> steps;

	private final Duration scheduledInterval;

	Cadence(List<TrackingProperties.Step> steps, Duration scheduledInterval) {
		this.steps = steps.stream().sorted(Comparator.comparing(TrackingProperties.Step::after)).toList();
		this.scheduledInterval = scheduledInterval;
	}

	/** The poll interval of a job of this age. */
	Duration interval(Duration age) {
		Duration interval = this.steps.get(0).every();
		for (TrackingProperties.Step step : this.steps) {
			if (age.compareTo(step.after()) >= 0) {
				interval = step.every();
			}
		}
		return interval;
	}

	/**
	 * The next poll of a job observed at {@code now}: one interval after now, where the
	 * interval follows the age since {@code since}; a job whose start time lies further
	 * ahead is polled at that start time, and at least every scheduled interval.
	 */
	Instant next(Instant now, Instant since, Instant startTime) {
		Duration interval = interval(
				Duration.between(since, now).isNegative() ? Duration.ZERO : Duration.between(since, now));
		Instant regular = now.plus(interval);
		if (startTime != null && startTime.isAfter(regular)) {
			Instant waiting = now.plus(this.scheduledInterval);
			return startTime.isBefore(waiting) ? startTime : waiting;
		}
		return regular;
	}

}
