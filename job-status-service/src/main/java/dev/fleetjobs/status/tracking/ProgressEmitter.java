package dev.fleetjobs.status.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;

import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.status.metrics.StatusMetrics;

/**
 * Publishes progress events through the port and, once they are committed, makes them
 * each job's latest and records the timing metrics.
 */
final class ProgressEmitter {

	private final ProgressPublisher publisher;

	private final StatusMetrics metrics;

	private final Clock clock;

	ProgressEmitter(ProgressPublisher publisher, StatusMetrics metrics, Clock clock) {
		this.publisher = publisher;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Publishes one event per job, all in one transaction.
	 * @throws PublishFailedException when they are not committed (no job changed)
	 */
	void publish(Map<TrackedJob, JobProgress> events) {
		if (events.isEmpty()) {
			return;
		}
		this.publisher.publish(new ArrayList<>(events.values()));
		Instant now = this.clock.instant();
		events.forEach((job, progress) -> {
			job.published(progress);
			record(job, progress, now);
		});
	}

	void publish(TrackedJob job, JobProgress progress) {
		publish(Map.of(job, progress));
	}

	private void record(TrackedJob job, JobProgress progress, Instant now) {
		String type = (progress.jobType() != null) ? progress.jobType().name() : null;
		int rank = ProgressRules.rank(progress.status());
		if (!job.firstProgressRecorded && rank >= 2 && job.submittedAt() != null) {
			job.firstProgressRecorded = true;
			this.metrics.timeToFirstProgress(type, Duration.between(job.submittedAt(), now));
		}
		if (rank == 3 && !progress.resultsComplete() && progress.endTime() != null) {
			this.metrics.publishLag("terminal", Duration.between(progress.endTime(), now));
			if (progress.startTime() != null) {
				this.metrics.jobDuration(type, progress.status().name(),
						Duration.between(progress.startTime(), progress.endTime()));
			}
		}
	}

}
