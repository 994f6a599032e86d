package dev.fleetjobs.request.submission;

import java.time.Instant;

import dev.fleetjobs.contracts.command.JobType;

/**
 * The answer to {@code POST /api/jobs}: the command is on {@code fleetjobs.commands}.
 *
 * @param jobId the job's id; follow it at job-status-service
 * @param status always {@code ACCEPTED}
 * @param requestId the client request id, or {@code null}
 * @param jobType the kind of job
 * @param duplicate true when the request id had been seen with the same definition: no
 * second command was published
 * @param acceptedAt when the job was first accepted
 */
record JobAccepted(String jobId, String status, String requestId, JobType jobType, boolean duplicate,
		Instant acceptedAt) {

	static final String ACCEPTED = "ACCEPTED";

}
