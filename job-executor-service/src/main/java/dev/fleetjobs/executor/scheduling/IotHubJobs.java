package dev.fleetjobs.executor.scheduling;

import dev.fleetjobs.contracts.command.ScheduleJob;

/**
 * Port: IoT Hub's scheduled jobs API. Implemented over the official service SDK; every
 * call is synchronous and bounded by the SDK's HTTP timeouts.
 */
public interface IotHubJobs {

	/** Creates the job under the command's jobId (a direct method or a twin update). */
	HubJob create(ScheduleJob command) throws HubCallException;

	/** Reads a job, with its definition. */
	HubJob get(String jobId) throws HubCallException;

	/** Cancels a job; the answer carries the hub's status after the cancel. */
	HubJob cancel(String jobId) throws HubCallException;

}
