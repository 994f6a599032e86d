package dev.fleetjobs.status.results;

import java.util.List;

import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;

/** Port: publishes a job's device results and its final progress in one transaction. */
interface ResultsPublisher {

	/** Returns once everything is committed; throws (nothing published) otherwise. */
	void publish(List<DeviceResult> results, JobProgress done);

}
