package dev.fleetjobs.launcher.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.JobProgress;

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
		return String.format(Locale.ROOT, "%-16s [%s] %5d/%-5d ok %-5d failed %-5d %s%s", label, bar, done, total,
				stats.succeededCount(), stats.failedCount(), progress.status(), results);
	}

	static List<String> lines(List<String> labels, List<JobProgress> latest) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			lines.add(line(labels.get(i), latest.get(i)));
		}
		return lines;
	}

}
