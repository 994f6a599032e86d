package dev.fleetjobs.request.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.fleetjobs.contracts.rollout.MaintenanceWindow;
import dev.fleetjobs.support.rollout.MaintenanceWindows;

/**
 * A rollout's maintenance windows: each either recurring (a cron expression, a known time
 * zone) or one-off (a start time), lasting 1 s to 7 days, and together opening at least
 * once while the rollout may start waves. The arithmetic is {@link MaintenanceWindows}',
 * the same the executor paces waves with.
 */
final class WindowRules {

	static final int MAX_WINDOWS = 20;

	static final int MAX_CRON_LENGTH = 200;

	/** How far after the start a window must open when the rollout has no end time. */
	static final Duration HORIZON_WITHOUT_END_TIME = Duration.ofDays(366);

	/**
	 * Checks the windows of a rollout that may start waves from {@code start} until
	 * {@code end} ({@code null}: no end time); {@code checkOpening} is false when the end
	 * time itself is invalid.
	 */
	void check(String field, List<MaintenanceWindow> windows, Instant start, Instant end, boolean checkOpening,
			List<Violation> violations) {
		if (windows.size() > MAX_WINDOWS) {
			violations.add(Violation.invalid(field, "at most " + MAX_WINDOWS + " maintenance windows"));
			return;
		}
		int before = violations.size();
		for (int i = 0; i < windows.size(); i++) {
			MaintenanceWindow window = windows.get(i);
			String item = field + "[" + i + "]";
			if (window != null && window.cron() != null && window.cron().length() > MAX_CRON_LENGTH) {
				violations.add(Violation.invalid(item + ".cron", "at most " + MAX_CRON_LENGTH + " characters"));
				continue;
			}
			String problem = MaintenanceWindows.problem(window);
			if (problem != null) {
				violations.add(Violation.invalid(item, problem));
			}
		}
		if (!checkOpening || windows.isEmpty() || violations.size() > before) {
			return;
		}
		Instant until = (end != null) ? end : start.plus(HORIZON_WITHOUT_END_TIME);
		if (MaintenanceWindows.of(windows).nextOpening(start, until).isEmpty()) {
			violations.add(Violation.invalid(field,
					"no window opens between the start time " + start
							+ ((end != null) ? " and the end time " + end
									: " and the " + HORIZON_WITHOUT_END_TIME.toDays()
											+ " days after it (the rollout has no endTime)")
							+ ", so no wave could ever start"));
		}
	}

}
