package dev.fleetjobs.contracts.request;

import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.rollout.Rollout;

/**
 * What an upstream system or an operator asks for: run one action on the devices that a
 * target selects, at a start time, for at most a maximum execution time. The payload of
 * {@code fleetjobs.requests} and of {@code POST /api/jobs}.
 *
 * @param requestId optional client request id; the same request id always yields the same
 * jobId (idempotency). At most 128 printable ASCII characters.
 * @param target which devices (exactly one of query condition, device ids or tags)
 * @param action what to do (exactly one of direct method or twin update)
 * @param startTime when to start; absent means now
 * @param maxExecutionTimeInSeconds the hub's job deadline; absent means 3600
 * @param labels free-form labels, echoed in lifecycle and progress events
 * @param rollout how to reach the devices over time (waves at a rate, abort criteria,
 * retries, devices that join later, an end time, maintenance windows); absent means one
 * hub job over every device at once. With a rollout, {@code maxExecutionTimeInSeconds} is
 * each wave's deadline
 */
public record JobRequest(String requestId, JobTarget target, JobAction action, Instant startTime,
		Long maxExecutionTimeInSeconds, Map<String, String> labels, Rollout rollout) {

	/** A request without a rollout. */
	public JobRequest(String requestId, JobTarget target, JobAction action, Instant startTime,
			Long maxExecutionTimeInSeconds, Map<String, String> labels) {
		this(requestId, target, action, startTime, maxExecutionTimeInSeconds, labels, null);
	}

	/** Used when the request names no maximum execution time. */
	public static final long DEFAULT_MAX_EXECUTION_TIME_IN_SECONDS = 3600;

}
