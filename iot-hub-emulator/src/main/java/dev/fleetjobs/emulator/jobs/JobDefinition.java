package dev.fleetjobs.emulator.jobs;

import java.time.Instant;

import dev.fleetjobs.emulator.methods.MethodRequest;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a client asked for when it created a job (iot-hub-protocol.md §1.6).
 *
 * @param jobId at most 64 characters of {@code [A-Za-z0-9-]}
 * @param type the kind of job
 * @param queryCondition the WHERE part of a device query, {@code *}, or a query with its
 * own {@code FROM devices}
 * @param startTime when to start; null, now or in the past starts the job at once
 * @param maxExecutionTimeInSeconds the job's deadline after its start; 0 means none
 * @param method the direct method of a {@link JobType#DEVICE_METHOD} job, else null
 * @param twinPatch the {@code tags} and {@code properties.desired} of a
 * {@link JobType#UPDATE_TWIN} job, else null
 * @param etag the If-Match for each twin of an update-twin job ({@code *} for any)
 */
public record JobDefinition(String jobId, JobType type, String queryCondition, Instant startTime,
		long maxExecutionTimeInSeconds, MethodRequest method, ObjectNode twinPatch, String etag) {

	/** A direct-method job. */
	public static JobDefinition deviceMethod(String jobId, String queryCondition, MethodRequest method,
			Instant startTime, long maxExecutionTimeInSeconds) {
		return new JobDefinition(jobId, JobType.DEVICE_METHOD, queryCondition, startTime, maxExecutionTimeInSeconds,
				method, null, null);
	}

	/**
	 * An update-twin job.
	 * @param twinPatch {@code {"tags":{...},"properties":{"desired":{...}}}}
	 */
	public static JobDefinition updateTwin(String jobId, String queryCondition, ObjectNode twinPatch, Instant startTime,
			long maxExecutionTimeInSeconds) {
		return new JobDefinition(jobId, JobType.UPDATE_TWIN, queryCondition, startTime, maxExecutionTimeInSeconds, null,
				twinPatch, "*");
	}

	/** The same definition, starting at the given time. */
	JobDefinition startingAt(Instant start) {
		return new JobDefinition(this.jobId, this.type, this.queryCondition, start, this.maxExecutionTimeInSeconds,
				this.method, this.twinPatch, this.etag);
	}

}
