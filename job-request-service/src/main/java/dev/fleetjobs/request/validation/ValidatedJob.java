package dev.fleetjobs.request.validation;

import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.request.MethodInvocation;
import dev.fleetjobs.contracts.request.TwinPatch;
import dev.fleetjobs.contracts.rollout.Rollout;

/**
 * A job request that passed every rule, with its defaults filled in: what a
 * {@code ScheduleJob} command carries.
 *
 * @param jobType the kind of job
 * @param queryCondition the syntax-checked query condition (built from device ids or tags
 * when the request gave those)
 * @param directMethod the method with its timeouts filled in, for method jobs
 * @param twinUpdate the patch, for twin jobs
 * @param startTime the start time (now when the request gave none)
 * @param maxExecutionTimeInSeconds the deadline (3600 when the request gave none)
 * @param labels the labels, never {@code null}
 * @param rollout the rollout settings as requested (the executor applies their defaults),
 * or {@code null} for one hub job over every device at once
 */
public record ValidatedJob(JobType jobType, String queryCondition, MethodInvocation directMethod, TwinPatch twinUpdate,
		Instant startTime, long maxExecutionTimeInSeconds, Map<String, String> labels, Rollout rollout) {
}
