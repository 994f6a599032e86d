package dev.fleetjobs.executor.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.lifecycle.JobCancelFailed;
import dev.fleetjobs.contracts.lifecycle.JobCancelled;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobRejected;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;

import org.springframework.stereotype.Component;

/** Builds lifecycle events from commands and hub answers, stamped with the clock. */
@Component
class LifecycleEvents {

	private final Clock clock;

	LifecycleEvents(Clock clock) {
		this.clock = clock;
	}

	JobSubmitted submitted(ScheduleJob command, HubJob hubJob, int attempts) {
		return new JobSubmitted(command.jobId(), command.requestId(), command.jobType(), command.queryCondition(),
				command.startTime(), command.maxExecutionTimeInSeconds(), hubJob.status(), hubJob.createdTime(),
				attempts, labels(command), this.clock.instant());
	}

	JobRejected rejected(ScheduleJob command, int httpStatus, String errorCode, String reason) {
		return new JobRejected(command.jobId(), command.requestId(), command.jobType(), httpStatus, errorCode, reason,
				labels(command), this.clock.instant());
	}

	JobQueued queued(ScheduleJob command, String reason, int position, Instant queuedAt) {
		return new JobQueued(command.jobId(), command.requestId(), command.jobType(), reason, position, labels(command),
				queuedAt, command);
	}

	JobCancelled cancelled(CancelJob command, boolean wasQueued, String hubStatus) {
		return new JobCancelled(command.jobId(), wasQueued, hubStatus, command.reason(), this.clock.instant());
	}

	JobCancelFailed cancelFailed(CancelJob command, int httpStatus, String errorCode, String reason) {
		return new JobCancelFailed(command.jobId(), httpStatus, errorCode, reason, this.clock.instant());
	}

	private static Map<String, String> labels(ScheduleJob command) {
		return (command.labels() != null) ? command.labels() : Map.of();
	}

}
