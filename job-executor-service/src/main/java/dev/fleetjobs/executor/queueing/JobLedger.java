package dev.fleetjobs.executor.queueing;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The state of every job of the partitions this instance owns, so that a command that
 * comes again (a duplicate, or a redelivery) is recognised. Rebuilt from
 * {@code fleetjobs.lifecycle} when a partition is assigned, updated only after the events
 * that change it are committed, dropped when the partition goes.
 */
@Component
public class JobLedger {

	private final Map<Integer, Map<String, JobState>> partitions = new ConcurrentHashMap<>();

	/** The job's state, or {@code null} when this instance never saw it. */
	public JobState state(int partition, String jobId) {
		Map<String, JobState> jobs = this.partitions.get(partition);
		return (jobs != null) ? jobs.get(jobId) : null;
	}

	public void record(int partition, String jobId, JobState state) {
		this.partitions.computeIfAbsent(partition, (key) -> new ConcurrentHashMap<>()).put(jobId, state);
	}

	/** Replaces what is known about a partition (after reading its lifecycle). */
	public void load(int partition, Map<String, JobState> states) {
		this.partitions.put(partition, new ConcurrentHashMap<>(states));
	}

	public void drop(Collection<Integer> partitions) {
		partitions.forEach(this.partitions::remove);
	}

	/** How many jobs are known, over all owned partitions. */
	public int size() {
		return this.partitions.values().stream().mapToInt(Map::size).sum();
	}

}
