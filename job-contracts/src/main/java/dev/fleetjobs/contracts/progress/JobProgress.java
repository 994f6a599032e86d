package dev.fleetjobs.contracts.progress;

import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.rollout.RolloutProgress;

/**
 * The latest known state of a job. Published on the compacted {@code fleetjobs.progress}
 * topic, keyed by jobId, whenever the status or the statistics change, and once more when
 * every device result has been published.
 *
 * @param jobId the job
 * @param sequence strictly increasing per job, starting at 1
 * @param requestId the client request id, or {@code null}
 * @param jobType the kind of job
 * @param status the status
 * @param statistics the hub's device statistics, never {@code null}
 * @param createdTime the hub's createdTime, or {@code null}
 * @param startTime the hub's startTime, or {@code null}
 * @param endTime the hub's endTime, or {@code null} while the job runs
 * @param failureReason the hub's failure reason or FleetJobs' rejection reason, or
 * {@code null}
 * @param resultsComplete true on the final event, once every device result is on
 * {@code fleetjobs.device-results}
 * @param deviceResultCount how many device results were published (0 until then)
 * @param labels the request's labels
 * @param observedAt when FleetJobs observed this state
 * @param rollout the rollout's phase, figures and waves, or {@code null} for a job
 * without a rollout
 */
public record JobProgress(String jobId, long sequence, String requestId, JobType jobType, JobStatus status,
		DeviceJobStatistics statistics, Instant createdTime, Instant startTime, Instant endTime, String failureReason,
		boolean resultsComplete, int deviceResultCount, Map<String, String> labels, Instant observedAt,
		RolloutProgress rollout) {

	/** The progress of a job without a rollout. */
	public JobProgress(String jobId, long sequence, String requestId, JobType jobType, JobStatus status,
			DeviceJobStatistics statistics, Instant createdTime, Instant startTime, Instant endTime,
			String failureReason, boolean resultsComplete, int deviceResultCount, Map<String, String> labels,
			Instant observedAt) {
		this(jobId, sequence, requestId, jobType, status, statistics, createdTime, startTime, endTime, failureReason,
				resultsComplete, deviceResultCount, labels, observedAt, null);
	}

}
