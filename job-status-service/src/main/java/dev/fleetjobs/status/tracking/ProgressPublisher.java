package dev.fleetjobs.status.tracking;

import java.util.List;

import dev.fleetjobs.contracts.progress.JobProgress;

/** Port: publishes progress events, all in one transaction. */
interface ProgressPublisher {

	/**
	 * Publishes the events and returns once they are committed.
	 * @throws PublishFailedException when they are not (nothing was published)
	 */
	void publish(List<JobProgress> progress);

}
