package dev.fleetjobs.contracts.progress;

import java.time.Instant;

import dev.fleetjobs.contracts.command.JobType;

/**
 * One device's outcome in a finished job. Published on {@code fleetjobs.device-results},
 * keyed by jobId, once per device.
 *
 * @param jobId the job
 * @param deviceId the device
 * @param jobType the kind of job
 * @param status the device's final status
 * @param methodStatus the status the device answered the direct method with, or
 * {@code null}
 * @param methodPayload the payload the device answered with (any JSON value), or
 * {@code null}
 * @param errorCode the hub's error code when the device failed, e.g. {@code 404103}
 * @param errorDescription the hub's error description when the device failed
 * @param startTime when the hub started the device's part
 * @param endTime when it ended
 * @param lastUpdated when the hub last updated the record
 * @param hubJobId the hub job that ran it: the jobId, or a rollout's wave
 * ({@code <jobId>-w<wave>}); {@code null} from producers that predate the field
 * @param wave the rollout wave, or {@code null} for a job without a rollout
 * @param attempt the device's attempt (1, or 1 + the retry for a rollout's retries);
 * {@code null} from producers that predate the field
 */
public record DeviceResult(String jobId, String deviceId, JobType jobType, DeviceJobStatus status, Integer methodStatus,
		Object methodPayload, String errorCode, String errorDescription, Instant startTime, Instant endTime,
		Instant lastUpdated, String hubJobId, Integer wave, Integer attempt) {

	/** The result of a job without a rollout (its own hub job, the first attempt). */
	public DeviceResult(String jobId, String deviceId, JobType jobType, DeviceJobStatus status, Integer methodStatus,
			Object methodPayload, String errorCode, String errorDescription, Instant startTime, Instant endTime,
			Instant lastUpdated) {
		this(jobId, deviceId, jobType, status, methodStatus, methodPayload, errorCode, errorDescription, startTime,
				endTime, lastUpdated, jobId, null, 1);
	}

	/** This result as part of a rollout's wave. */
	public DeviceResult ofWave(String rolloutJobId, int wave, int attempt) {
		return new DeviceResult(rolloutJobId, this.deviceId, this.jobType, this.status, this.methodStatus,
				this.methodPayload, this.errorCode, this.errorDescription, this.startTime, this.endTime,
				this.lastUpdated, this.jobId, wave, attempt);
	}

}
