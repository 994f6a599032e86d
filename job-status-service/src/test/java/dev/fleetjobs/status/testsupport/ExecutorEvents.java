package dev.fleetjobs.status.testsupport;

import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.lifecycle.JobCancelled;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobRejected;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;

/** Lifecycle events as job-executor-service publishes them. */
public final class ExecutorEvents {

	public static final Map<String, String> LABELS = Map.of("building", "43", "floor", "3");

	private ExecutorEvents() {
	}

	public static JobQueued queued(String jobId) {
		return new JobQueued(jobId, "req-" + jobId, JobType.DEVICE_METHOD, "the hub's job quota is full", 1, LABELS,
				Instant.now());
	}

	public static JobSubmitted submitted(String jobId, String queryCondition) {
		return new JobSubmitted(jobId, "req-" + jobId, JobType.DEVICE_METHOD, queryCondition, Instant.now(), 120,
				"queued", Instant.now(), 1, LABELS, Instant.now());
	}

	public static JobRejected rejected(String jobId) {
		return new JobRejected(jobId, "req-" + jobId, JobType.TWIN_UPDATE, 400, "ArgumentInvalid",
				"The query is invalid.", LABELS, Instant.now());
	}

	public static JobCancelled cancelledWhileQueued(String jobId) {
		return new JobCancelled(jobId, true, null, "no longer needed", Instant.now());
	}

}
