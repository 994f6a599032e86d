package dev.fleetjobs.emulator.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import com.microsoft.azure.sdk.iot.service.query.JobQueryResponse;
import com.microsoft.azure.sdk.iot.service.query.QueryClient;
import com.microsoft.azure.sdk.iot.service.query.QueryPageOptions;

import static org.awaitility.Awaitility.await;

/**
 * Polls jobs and reads device job records with the official service SDK, as the seed
 * tutorial's back end does.
 */
public final class JobPolling {

	private static final Set<ScheduledJobStatus> TERMINAL = Set.of(ScheduledJobStatus.completed,
			ScheduledJobStatus.failed, ScheduledJobStatus.cancelled);

	private JobPolling() {
	}

	/** Polls {@code get} until the job is completed, failed or cancelled. */
	public static ScheduledJob awaitFinished(ScheduledJobsClient jobs, String jobId, Duration atMost) {
		ScheduledJob[] last = new ScheduledJob[1];
		await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
			last[0] = jobs.get(jobId);
			return TERMINAL.contains(last[0].getJobStatus());
		});
		return last[0];
	}

	/** Polls {@code get} until the job has this status. */
	public static ScheduledJob awaitStatus(ScheduledJobsClient jobs, String jobId, ScheduledJobStatus status,
			Duration atMost) {
		ScheduledJob[] last = new ScheduledJob[1];
		await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
			last[0] = jobs.get(jobId);
			return last[0].getJobStatus() == status;
		});
		return last[0];
	}

	/**
	 * Every device record of a job, through {@code SELECT * FROM devices.jobs}, all
	 * pages.
	 */
	public static List<ScheduledJob> deviceRecords(QueryClient query, String jobId, int pageSize) throws Exception {
		JobQueryResponse response = query.queryJobs(
				"SELECT * FROM devices.jobs WHERE devices.jobs.jobId = '" + jobId + "'",
				QueryPageOptions.builder().pageSize(pageSize).build());
		List<ScheduledJob> records = new ArrayList<>();
		while (response.hasNext()) {
			records.add(response.next(QueryPageOptions.builder().pageSize(pageSize).build()));
		}
		return records;
	}

}
