package dev.fleetjobs.status.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.fleetjobs.contracts.progress.JobProgress;

/**
 * The jobs this instance owns: those of its {@code fleetjobs.lifecycle} partitions that
 * have not published their final event yet, plus a bounded memory of finished ones (so a
 * redelivered lifecycle event of a finished job publishes nothing). Changed only by the
 * tracker thread; gauges and the results worker read it concurrently.
 */
final class TrackedJobs {

	private final Map<String, TrackedJob> active = new ConcurrentHashMap<>();

	private final Map<String, Integer> finished;

	private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

	TrackedJobs(int finishedMemory) {
		this.finished = new LinkedHashMap<>(1024, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
				return size() > finishedMemory;
			}
		};
	}

	TrackedJob active(String jobId) {
		return this.active.get(jobId);
	}

	TrackedJob create(String jobId, int partition) {
		return this.active.computeIfAbsent(jobId, (id) -> new TrackedJob(id, partition));
	}

	void add(TrackedJob job) {
		this.active.put(job.jobId(), job);
	}

	boolean isFinished(String jobId) {
		return this.finished.containsKey(jobId);
	}

	/** The job published its final event. */
	void finish(TrackedJob job) {
		this.active.remove(job.jobId(), job);
		this.finished.put(job.jobId(), job.partition());
	}

	void rememberFinished(JobProgress progress, int partition) {
		this.finished.put(progress.jobId(), partition);
	}

	/** Whether this instance still owns the job (its partition, and this very state). */
	boolean owns(TrackedJob job) {
		return this.owned.contains(job.partition()) && this.active.get(job.jobId()) == job;
	}

	/**
	 * Runs the publishing only while the job is owned; {@link #disown} waits for it.
	 */
	boolean whileOwned(TrackedJob job, Runnable publishing) {
		synchronized (this.owned) {
			if (!owns(job)) {
				return false;
			}
			publishing.run();
			return true;
		}
	}

	void own(Collection<Integer> partitions) {
		synchronized (this.owned) {
			this.owned.addAll(partitions);
		}
	}

	/**
	 * Forgets every job of these partitions (another instance owns them now), after any
	 * final transaction in progress.
	 */
	int disown(Collection<Integer> partitions) {
		synchronized (this.owned) {
			this.owned.removeAll(partitions);
			int before = this.active.size();
			this.active.values().removeIf((job) -> partitions.contains(job.partition()));
			this.finished.values().removeIf(partitions::contains);
			return before - this.active.size();
		}
	}

	Set<Integer> ownedPartitions() {
		return Set.copyOf(this.owned);
	}

	/** Polled jobs whose next poll is due, the longest waiting first. */
	List<TrackedJob> due(Instant now) {
		return this.active.values()
			.stream()
			.filter((job) -> job.polling && !job.collecting && !job.nextDue.isAfter(now))
			.sorted(Comparator.comparing((TrackedJob job) -> job.nextDue))
			.toList();
	}

	Collection<TrackedJob> all() {
		return this.active.values();
	}

	/** Jobs being polled (not yet ended). */
	long polled() {
		return this.active.values().stream().filter((job) -> job.polling && !job.collecting).count();
	}

	/** The longest time since a polled job's state was last confirmed by the hub. */
	Duration maxStaleness(Instant now) {
		return this.active.values()
			.stream()
			.filter((job) -> job.polling && !job.collecting && job.lastObserved != null)
			.map((job) -> Duration.between(job.lastObserved, now))
			.max(Comparator.naturalOrder())
			.orElse(Duration.ZERO);
	}

}
