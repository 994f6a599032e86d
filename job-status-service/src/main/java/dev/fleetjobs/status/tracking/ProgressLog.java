package dev.fleetjobs.status.tracking;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import dev.fleetjobs.contracts.progress.JobProgress;

/** Port: the latest progress of each job, as published on {@code fleetjobs.progress}. */
public interface ProgressLog {

	/**
	 * The latest progress of every job the filter accepts, once the whole topic up to its
	 * current end (committed records) has been read.
	 * @throws IllegalStateException when that takes longer than the timeout
	 */
	Map<String, JobProgress> latest(Predicate<String> jobIds, Duration timeout);

}
