package dev.fleetjobs.launcher.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.fleetjobs.contracts.progress.JobProgress;

/**
 * Shows one progress bar per job, redrawn in place on a terminal (or printed when it
 * changes otherwise), until every job has its final progress event with its device
 * results, or the timeout passes.
 */
public final class LiveProgress {

	private final ProgressWatcher watcher;

	private final PrintStream out;

	private final boolean terminal;

	public LiveProgress(ProgressWatcher watcher, PrintStream out, boolean terminal) {
		this.watcher = watcher;
		this.out = out;
		this.terminal = terminal;
	}

	/** Returns true when every job finished within the timeout. */
	public boolean follow(List<String> labels, List<String> jobIds, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<String> shown = List.of();
		boolean done = false;
		while (!done && System.nanoTime() < deadline) {
			this.watcher.poll(Duration.ofMillis(200));
			List<JobProgress> latest = new ArrayList<>();
			jobIds.forEach((jobId) -> latest.add(this.watcher.latest(jobId)));
			List<String> lines = ProgressBars.lines(labels, latest);
			if (!lines.equals(shown)) {
				if (this.terminal && !shown.isEmpty()) {
					this.out.print("\033[" + shown.size() + "A");
				}
				lines.forEach((line) -> this.out.println(this.terminal ? line + "\033[K" : line));
				shown = lines;
			}
			done = latest.stream().allMatch((progress) -> progress != null && progress.resultsComplete());
		}
		return done;
	}

}
