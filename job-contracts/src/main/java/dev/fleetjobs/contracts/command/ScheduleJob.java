package dev.fleetjobs.contracts.command;

import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.request.MethodInvocation;
import dev.fleetjobs.contracts.request.TwinPatch;
import dev.fleetjobs.contracts.rollout.Rollout;

/**
 * Create one IoT Hub scheduled job. Published on {@code fleetjobs.commands}, keyed by
 * jobId, by job-request-service once the request is valid and authorized. The jobId is
 * fixed here: a redelivered command never creates a second hub job.
 *
 * @param jobId the IoT Hub jobId (at most 64 characters of {@code [A-Za-z0-9-]})
 * @param requestId the client request id, or {@code null}
 * @param jobType the kind of job
 * @param queryCondition the IoT Hub query condition that selects the devices
 * @param directMethod set for {@link JobType#DEVICE_METHOD}, with its defaults filled in
 * @param twinUpdate set for {@link JobType#TWIN_UPDATE}
 * @param startTime when the hub starts the job
 * @param maxExecutionTimeInSeconds the hub's job deadline
 * @param labels the request's labels, never {@code null}
 * @param channel {@code rest} or {@code kafka}
 * @param principal who asked (API key name or JWT subject), or the Kafka topic for
 * ingress
 * @param acceptedAt when job-request-service accepted the request
 * @param rollout how to reach the devices over time (waves, rate, abort, retries, end
 * time, windows), or {@code null} for one hub job over every device at once
 */
public record ScheduleJob(String jobId, String requestId, JobType jobType, String queryCondition,
		MethodInvocation directMethod, TwinPatch twinUpdate, Instant startTime, long maxExecutionTimeInSeconds,
		Map<String, String> labels, String channel, String principal, Instant acceptedAt, Rollout rollout) {

	/** A command for one hub job (no rollout). */
	public ScheduleJob(String jobId, String requestId, JobType jobType, String queryCondition,
			MethodInvocation directMethod, TwinPatch twinUpdate, Instant startTime, long maxExecutionTimeInSeconds,
			Map<String, String> labels, String channel, String principal, Instant acceptedAt) {
		this(jobId, requestId, jobType, queryCondition, directMethod, twinUpdate, startTime, maxExecutionTimeInSeconds,
				labels, channel, principal, acceptedAt, null);
	}

}
