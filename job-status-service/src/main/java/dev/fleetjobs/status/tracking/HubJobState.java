package dev.fleetjobs.status.tracking;

import java.time.Instant;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.JobStatus;

/**
 * A job as the hub reported it.
 *
 * @param jobId the job
 * @param jobType the type, or null when the hub says {@code unknown}
 * @param status the status
 * @param statistics the device statistics, or null when the hub sent none
 * @param createdTime the hub's createdTime, or null
 * @param startTime the hub's startTime, or null
 * @param endTime the hub's endTime, or null
 * @param failureReason the hub's failure reason (or status message), or null
 */
record HubJobState(String jobId, JobType jobType, JobStatus status, DeviceJobStatistics statistics, Instant createdTime,
		Instant startTime, Instant endTime, String failureReason) {
}
