package dev.fleetjobs.emulator.jobs;

import java.time.Instant;

/**
 * A job as a client sees it at one moment.
 *
 * @param definition what was asked for
 * @param status the job's status
 * @param createdTime when it was created
 * @param startTime when it started, or when it will start
 * @param endTime when it reached its final status, or null
 * @param failureReason why it failed, or null
 * @param statistics the device counts
 */
public record JobView(JobDefinition definition, JobStatus status, Instant createdTime, Instant startTime,
		Instant endTime, String failureReason, JobStatistics statistics) {

	public String jobId() {
		return this.definition.jobId();
	}

}
