package dev.fleetjobs.status.results;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

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
	 * Every device record of the job, handed on as it comes (an implementation keeps one
	 * page in memory, not the job's records).
	 */
	default void forEach(String jobId, JobType jobType, SdkPages.Gate gate, Consumer<DeviceResult> each)
			throws HubCallException {
		of(jobId, jobType, gate).forEach(each);
	}

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

	/**
	 * The job's final device records (completed, failed or cancelled) updated at or after
	 * {@code since} (every final record when null), as {@link #updatedSince} reads them.
	 */
	default Finals finalsSince(String jobId, JobType jobType, Instant since, SdkPages.Gate gate)
			throws HubCallException {
		List<DeviceResult> read = (since != null) ? updatedSince(jobId, jobType, since, gate)
				: of(jobId, jobType, gate);
		List<DeviceResult> finals = read.stream().filter((result) -> result.status().isTerminal()).toList();
		return new Finals(finals, Finals.newest(finals));
	}

	/**
	 * Final device records, and the newest update time among those of the first page: the
	 * hub had reached it before it served any later page, so every record that changed
	 * since a page was served was updated after it.
	 *
	 * @param records the records, in the hub's order
	 * @param firstPageNewest the newest {@code lastUpdated} on the first page; null when
	 * it had no record with one
	 */
	record Finals(List<DeviceResult> records, Instant firstPageNewest) {

		static Instant newest(List<DeviceResult> records) {
			Instant newest = null;
			for (DeviceResult result : records) {
				if (result.lastUpdated() != null && (newest == null || result.lastUpdated().isAfter(newest))) {
					newest = result.lastUpdated();
				}
			}
			return newest;
		}

	}

}
