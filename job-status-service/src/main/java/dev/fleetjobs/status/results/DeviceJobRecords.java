package dev.fleetjobs.status.results;

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

}
