package dev.fleetjobs.status.tracking;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.DeviceResult;

import dev.fleetjobs.contracts.progress.JobProgress;

/**
 * Port: collects the device results of a job that has ended and publishes them with the
 * job's final progress event (resultsComplete, deviceResultCount) in one transaction.
 */
public interface ResultsCollector {

	/**
	 * Starts collecting.
	 * @param terminal the last published progress, in a terminal status
	 * @param ownership publishes only while this instance owns the job
	 * @return the final progress event once it is committed; fails when the job is no
	 * longer owned or the service stops
	 */
	CompletableFuture<JobProgress> collect(JobProgress terminal, Ownership ownership);

	/**
	 * Reads the device records of one hub job (a rollout's wave) once they are final, and
	 * publishes nothing.
	 * @param hubJobId the hub job
	 * @param jobType its type
	 * @param statistics its final statistics (how many records to wait for)
	 * @param ownership reads only while this instance owns the rollout
	 * @return the records, one per device; fails when the rollout is no longer owned or
	 * the service stops
	 */
	CompletableFuture<List<DeviceResult>> read(String hubJobId, JobType jobType, DeviceJobStatistics statistics,
			Ownership ownership);

	/**
	 * Publishes a wave's device results and the rollout's progress that marks them
	 * published, in one transaction; returns once it is committed, throws otherwise.
	 */
	void publishWave(List<DeviceResult> results, JobProgress progress);

	/**
	 * Tells the collector that a job runs and has made progress (it may read the records
	 * of the devices that finished so far, ahead of the job's end). Never blocks.
	 * @param progress the progress just published, in status running
	 */
	default void running(JobProgress progress) {
	}

	/**
	 * The owner's guard: a job's final transaction runs only while this instance owns the
	 * job, and a revocation waits for a transaction in progress, so the next owner never
	 * sees the job unfinished while this one is committing it.
	 */
	@FunctionalInterface
	interface Ownership {

		/** Runs the publishing if the job is still owned; false (not run) if not. */
		boolean whileOwned(Runnable publishing);

	}

}
