package dev.fleetjobs.status.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import dev.fleetjobs.contracts.progress.JobProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which jobs this instance owns: those of its {@code fleetjobs.lifecycle} partitions. An
 * assigned partition's unfinished jobs are rebuilt from their latest progress events (so
 * their sequences continue) and polled again, or their results collected; a finished job
 * is remembered so a redelivered event publishes nothing. When the view cannot say yet,
 * the partition stays unowned and its first event retries the rebuild. Runs on the
 * tracker thread.
 */
final class PartitionOwnership {

	private static final Logger log = LoggerFactory.getLogger(PartitionOwnership.class);

	private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(2);

	private final TrackedJobs jobs;

	private final ProgressLog progressLog;

	private final Clock clock;

	private int partitionCount = 1;

	PartitionOwnership(TrackedJobs jobs, ProgressLog progressLog, Clock clock) {
		this.jobs = jobs;
		this.progressLog = progressLog;
		this.clock = clock;
	}

	void assigned(Collection<Integer> partitions, int partitionCount) {
		this.partitionCount = partitionCount;
		try {
			rebuild(Set.copyOf(partitions));
		}
		catch (TransientTrackingException ex) {
			log.warn("Partitions {} assigned, but their jobs cannot be rebuilt yet ({}); retrying with their "
					+ "first lifecycle event", partitions, ex.getMessage());
		}
	}

	void revoked(Collection<Integer> partitions) {
		int dropped = this.jobs.disown(partitions);
		if (!partitions.isEmpty()) {
			log.info("Partitions {} revoked: stopped tracking {} job(s)", partitions, dropped);
		}
	}

	/**
	 * Makes sure the partition's jobs are rebuilt before one of its events is handled.
	 * @throws TransientTrackingException when they cannot be yet
	 */
	void ready(int partition) {
		if (!this.jobs.ownedPartitions().contains(partition)) {
			rebuild(Set.of(partition));
		}
	}

	private void rebuild(Set<Integer> partitions) {
		int count = this.partitionCount;
		Map<String, JobProgress> latest;
		try {
			latest = this.progressLog.latest((jobId) -> partitions.contains(Partitions.of(jobId, count)),
					REBUILD_TIMEOUT);
		}
		catch (RuntimeException ex) {
			throw new TransientTrackingException("the progress of partitions " + partitions + " is not readable", ex);
		}
		Instant now = this.clock.instant();
		int polled = 0;
		for (JobProgress progress : latest.values()) {
			int partition = Partitions.of(progress.jobId(), count);
			if (progress.resultsComplete()) {
				this.jobs.rememberFinished(progress, partition);
				continue;
			}
			TrackedJob job = TrackedJob.from(progress, partition);
			if (progress.rollout() == null && ProgressRules.rank(progress.status()) >= 1) {
				job.startPolling(now, null);
				polled++;
			}
			this.jobs.add(job);
		}
		this.jobs.own(partitions);
		log.info("Partitions {} of {} owned: {} unfinished job(s) rebuilt from the progress topic, {} polled",
				partitions, count, latest.values().stream().filter((p) -> !p.resultsComplete()).count(), polled);
	}

}
