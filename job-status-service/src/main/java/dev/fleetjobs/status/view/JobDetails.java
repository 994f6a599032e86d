package dev.fleetjobs.status.view;

import java.util.List;

import dev.fleetjobs.contracts.progress.JobProgress;

/**
 * A job as the read API shows it.
 *
 * @param jobId the job
 * @param progress the latest progress event, or null before the first one
 * @param lifecycle the job's lifecycle events, in the order they were published
 * @param deviceResults how many device results the view holds for it
 */
record JobDetails(String jobId, JobProgress progress, List<LifecycleEntry> lifecycle, int deviceResults) {

	/**
	 * One lifecycle event.
	 *
	 * @param type its logical type, e.g. {@code JobSubmitted}
	 * @param event the event as published
	 */
	record LifecycleEntry(String type, Object event) {
	}

}
