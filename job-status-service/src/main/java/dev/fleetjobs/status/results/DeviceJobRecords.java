package dev.fleetjobs.status.results;

import java.time.Instant;
import java.util.List;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.status.hub.HubCallException;
import dev.fleetjobs.status.hub.SdkPages;

/** Port: a job's per-device records on the hub ({@code devices.jobs}). */
interface DeviceJobRecords {

	/**
	 * Every device record of the job, page by page; the gate pays for each page and
	 * decides whether a failed page is fetched again.
	 */
	List<DeviceResult> of(String jobId, JobType jobType, SdkPages.Gate gate) throws HubCallException;

	/**
	 * The job's device records updated at or after {@code since}: every one of them, and
	 * possibly a few older ones (the hub compares timestamps as text).
	 */
	default List<DeviceResult> updatedSince(String jobId, JobType jobType, Instant since, SdkPages.Gate gate)
			throws HubCallException {
		return of(jobId, jobType, gate).stream()
			.filter((result) -> result.lastUpdated() == null || !result.lastUpdated().isBefore(since))
			.toList();
	}

}
