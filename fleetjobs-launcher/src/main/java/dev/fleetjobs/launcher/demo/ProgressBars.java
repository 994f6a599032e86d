package dev.fleetjobs.launcher.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.rollout.RolloutProgress;

/** Renders one text progress bar per job from its latest progress event. */
final class ProgressBars {

	private static final int WIDTH = 30;

	private ProgressBars() {
	}

	/** One line: label, bar, done/total, succeeded, failed, status. */
	static String line(String label, JobProgress progress) {
		if (progress == null) {
			return String.format(Locale.ROOT, "%-16s [%s] waiting for the first progress event", label,
					" ".repeat(WIDTH));
		}
		DeviceJobStatistics stats = progress.statistics();
		int done = stats.succeededCount() + stats.failedCount();
		int total = Math.max(stats.deviceCount(), done);
		int filled = (total == 0) ? (progress.status().isTerminal() ? WIDTH : 0) : (int) ((long) WIDTH * done / total);
		String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
		String results = progress.resultsComplete() ? "  results: " + progress.deviceResultCount() : "";
		return String.format(Locale.ROOT, "%-16s [%s] %5d/%-5d ok %-5d failed %-5d %s%s%s", label, bar, done, total,
				stats.succeededCount(), stats.failedCount(), progress.status(), waves(progress.rollout()), results);
	}

	/** A rollout's waves: how many, how many run, the rate, and a pause or a stop. */
	static String waves(RolloutProgress rollout) {
		if (rollout == null) {
			return "";
		}
		long running = (rollout.waves() != null)
				? rollout.waves().stream().filter((wave) -> !wave.status().isTerminal()).count() : 0;
		String phase = switch (rollout.phase()) {
			case PAUSED -> (rollout.pausedUntil() != null) ? ", paused until " + rollout.pausedUntil() : ", paused";
			case STOPPING -> ", stopping";
			default -> "";
		};
		String rate = (rollout.ratePerMinute() > 0)
				? String.format(Locale.ROOT, " at %.0f/min", rollout.ratePerMinute()) : "";
		return String.format(Locale.ROOT, "  waves %d (%d running)%s%s", rollout.waveCount(), running, rate, phase);
	}

	static List<String> lines(List<String> labels, List<JobProgress> latest) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			lines.add(line(labels.get(i), latest.get(i)));
		}
		return lines;
	}

}
