package dev.fleetjobs.contracts.rollout;

import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;

/**
 * The executor took a job with a rollout: it starts at its start time (waves follow).
 * Published on {@code fleetjobs.lifecycle}, keyed by jobId, once per job.
 *
 * @param jobId the job
 * @param requestId the client request id, or {@code null}
 * @param jobType the kind of job each wave runs
 * @param queryCondition the condition that selects the devices
 * @param rollout the rollout settings, as requested
 * @param startTime when the rollout starts (its devices are selected then)
 * @param labels the request's labels
 * @param acceptedAt when the executor took it
 */
public record RolloutAccepted(String jobId, String requestId, JobType jobType, String queryCondition, Rollout rollout,
		Instant startTime, Map<String, String> labels, Instant acceptedAt) {
}
