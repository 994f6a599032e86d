package dev.fleetjobs.support.rollout;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.fleetjobs.contracts.rollout.MaintenanceWindow;

import org.springframework.scheduling.support.CronExpression;

/**
 * A rollout's maintenance windows as time arithmetic: whether one is open, when the open
 * ones close, when the next opens. A recurring window opens at each time its cron
 * expression names (5 fields, minute first, or 6 with seconds first, in its time zone,
 * UTC by default) and lasts its duration; a one-off window opens at its start time. No
 * windows means always open. The request service validates with it (a window that never
 * opens is refused), the executor paces waves with it.
 */
public final class MaintenanceWindows {

	/** How far back a recurring window's start is looked for (the longest duration). */
	private static final Duration MAX_DURATION = Duration.ofDays(7);

	private final List<Window> windows;

	private MaintenanceWindows(List<Window> windows) {
		this.windows = windows;
	}

	/**
	 * The windows of a rollout.
	 * @throws IllegalArgumentException naming the first window that is not valid (see
	 * {@link #problem})
	 */
	public static MaintenanceWindows of(List<MaintenanceWindow> windows) {
		List<Window> parsed = new ArrayList<>();
		if (windows != null) {
			for (int i = 0; i < windows.size(); i++) {
				String problem = problem(windows.get(i));
				if (problem != null) {
					throw new IllegalArgumentException("maintenanceWindows[" + i + "]: " + problem);
				}
				parsed.add(Window.of(windows.get(i)));
			}
		}
		return new MaintenanceWindows(List.copyOf(parsed));
	}

	/**
	 * What is wrong with a window, or {@code null}: exactly one of cron and start time, a
	 * cron of 5 or 6 fields that parses, a known time zone, a duration of 1 s to 7 days.
	 */
	public static String problem(MaintenanceWindow window) {
		if (window == null) {
			return "must not be null";
		}
		if ((window.cron() == null) == (window.startTime() == null)) {
			return "give exactly one of cron and startTime";
		}
		if (window.durationInSeconds() == null || window.durationInSeconds() < 1
				|| window.durationInSeconds() > MAX_DURATION.toSeconds()) {
			return "durationInSeconds must be 1.." + MAX_DURATION.toSeconds();
		}
		if (window.timeZone() != null) {
			try {
				ZoneId.of(window.timeZone());
			}
			catch (RuntimeException ex) {
				return "timeZone '" + window.timeZone() + "' is not a known time zone";
			}
		}
		if (window.cron() != null) {
			try {
				cron(window.cron());
			}
			catch (IllegalArgumentException ex) {
				return "cron '" + window.cron() + "' is not a cron expression: " + ex.getMessage();
			}
		}
		return null;
	}

	/** Whether there are no windows (waves may start at any time). */
	public boolean isAlwaysOpen() {
		return this.windows.isEmpty();
	}

	/** Whether a window is open at the instant. */
	public boolean isOpen(Instant at) {
		return isAlwaysOpen() || this.windows.stream().anyMatch((window) -> window.openAt(at) != null);
	}

	/**
	 * When the windows open at the instant close (the latest end of those open, not
	 * following overlaps further); {@code null} when none is open or there are no
	 * windows.
	 */
	public Instant closesAt(Instant at) {
		Instant closes = null;
		for (Window window : this.windows) {
			Instant open = window.openAt(at);
			if (open != null) {
				Instant end = open.plus(window.duration);
				closes = (closes == null || end.isAfter(closes)) ? end : closes;
			}
		}
		return closes;
	}

	/**
	 * The first instant at or after {@code from} at which a window is open, before
	 * {@code until}; empty when none opens in that time. With no windows, {@code from}.
	 */
	public Optional<Instant> nextOpening(Instant from, Instant until) {
		if (isAlwaysOpen() || isOpen(from)) {
			return Optional.of(from);
		}
		Instant next = null;
		for (Window window : this.windows) {
			Instant start = window.nextStart(from);
			if (start != null && (next == null || start.isBefore(next))) {
				next = start;
			}
		}
		return Optional.ofNullable(next).filter((start) -> until == null || start.isBefore(until));
	}

	/** A cron expression of 5 fields (minute first) or 6 (seconds first). */
	static CronExpression cron(String expression) {
		String[] fields = expression.trim().split("\\s+");
		if (fields.length == 5) {
			return CronExpression.parse("0 " + expression.trim());
		}
		if (fields.length == 6) {
			return CronExpression.parse(expression.trim());
		}
		throw new IllegalArgumentException("it has " + fields.length + " fields, not 5 or 6");
	}

	private record Window(CronExpression cron, ZoneId zone, Instant once, Duration duration) {

		static Window of(MaintenanceWindow window) {
			ZoneId zone = (window.timeZone() != null) ? ZoneId.of(window.timeZone()) : ZoneOffset.UTC;
			return new Window((window.cron() != null) ? MaintenanceWindows.cron(window.cron()) : null, zone,
					window.startTime(), Duration.ofSeconds(window.durationInSeconds()));
		}

		/**
		 * When the occurrence open at the instant opened (the latest start of those that
		 * cover it, looked for among the first 10,000 starts of the last duration), or
		 * {@code null}.
		 */
		Instant openAt(Instant at) {
			if (this.once != null) {
				return (!at.isBefore(this.once) && at.isBefore(this.once.plus(this.duration))) ? this.once : null;
			}
			Instant latest = null;
			ZonedDateTime start = this.cron.next(at.minus(this.duration).atZone(this.zone));
			for (int i = 0; i < 10_000 && start != null && !start.toInstant().isAfter(at); i++) {
				latest = start.toInstant();
				start = this.cron.next(start);
			}
			return latest;
		}

		/** The first start after the instant, or {@code null} when there is none. */
		Instant nextStart(Instant after) {
			if (this.once != null) {
				return this.once.isAfter(after) ? this.once : null;
			}
			ZonedDateTime next = this.cron.next(after.atZone(this.zone));
			return (next != null) ? next.toInstant() : null;
		}

	}

}
