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
 */
public record DeviceResult(String jobId, String deviceId, JobType jobType, DeviceJobStatus status, Integer methodStatus,
		Object methodPayload, String errorCode, String errorDescription, Instant startTime, Instant endTime,
		Instant lastUpdated) {
}
