package dev.fleetjobs.simulator.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.query.JobQueryResponse;
import com.microsoft.azure.sdk.iot.service.query.QueryPageOptions;
import com.microsoft.azure.sdk.iot.service.query.TwinQueryResponse;
import com.microsoft.azure.sdk.iot.service.twin.Twin;

/** Waits for jobs and reads their results through the official service clients. */
public final class Jobs {

	private static final QueryPageOptions PAGE = QueryPageOptions.builder().pageSize(500).build();

	private Jobs() {
	}

	/** Polls the job until it is completed, failed or cancelled. */
	public static ScheduledJob awaitFinished(String jobId, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		ScheduledJob job = TestHub.get().jobs().get(jobId);
		while (!isFinished(job.getJobStatus())) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Job " + jobId + " is still " + job.getJobStatus() + " after " + timeout);
			}
			Thread.sleep(200);
			job = TestHub.get().jobs().get(jobId);
		}
		return job;
	}

	/** The job's per-device records, by device id. */
	public static Map<String, ScheduledJob> deviceRecords(String jobId) throws Exception {
		Map<String, ScheduledJob> records = new HashMap<>();
		JobQueryResponse response = TestHub.get()
			.query()
			.queryJobs("SELECT * FROM devices.jobs WHERE devices.jobs.jobId = '" + jobId + "'", PAGE);
		while (response.hasNext()) {
			ScheduledJob record = response.next(PAGE);
			records.put(record.getDeviceId(), record);
		}
		return records;
	}

	/** Twins of a query, by device id. */
	public static Map<String, Twin> twins(String query) throws Exception {
		Map<String, Twin> twins = new HashMap<>();
		TwinQueryResponse response = TestHub.get().query().queryTwins(query, PAGE);
		while (response.hasNext()) {
			Twin twin = response.next(PAGE);
			twins.put(twin.getDeviceId(), twin);
		}
		return twins;
	}

	private static boolean isFinished(ScheduledJobStatus status) {
		return status == ScheduledJobStatus.completed || status == ScheduledJobStatus.failed
				|| status == ScheduledJobStatus.cancelled;
	}

}
