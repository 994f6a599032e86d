package dev.fleetjobs.status.tracking;

import java.util.List;

import dev.fleetjobs.status.hub.HubCallException;

/** Port: the hub's job state (implemented with the official ScheduledJobsClient). */
interface HubJobs {

	/** The jobs the hub runs now: one job-list call, first page only. */
	List<HubJobState> running() throws HubCallException;

	/** One job. */
	HubJobState get(String jobId) throws HubCallException;

}
