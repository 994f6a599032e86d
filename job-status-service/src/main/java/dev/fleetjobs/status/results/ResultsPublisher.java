package dev.fleetjobs.status.results;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.status.hub.HubCallException;

/** Port: publishes a job's device results and its final progress in one transaction. */
interface ResultsPublisher {

	/** Returns once everything is committed; throws (nothing published) otherwise. */
	void publish(List<DeviceResult> results, JobProgress done);

	/**
	 * Publishes results as they are read, then the final progress event, in one
	 * transaction: nothing is visible to read_committed consumers before the commit, and
	 * an abort leaves nothing. This default keeps them all until the end (for tests); the
	 * Kafka publisher sends each one on at once.
	 * @param results hands each result to the sink it is given
	 * @param finish after the last result: the final event to commit with them, or null
	 * to abort the transaction
	 * @return the final event committed, or null when aborted
	 */
	default JobProgress publishStreamed(ResultStream results, Supplier<JobProgress> finish) throws HubCallException {
		List<DeviceResult> kept = new ArrayList<>();
		results.each(kept::add);
		JobProgress done = finish.get();
		if (done != null) {
			publish(kept, done);
		}
		return done;
	}

	/** A job's results, read page by page. */
	@FunctionalInterface
	interface ResultStream {

		void each(Consumer<DeviceResult> sink) throws HubCallException;

	}

}
