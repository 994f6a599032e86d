package dev.fleetjobs.executor.scheduling;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.executor.queueing.JobState;

import org.springframework.stereotype.Component;

/**
 * A {@code ScheduleJob} for a jobId this instance already knows: a no-op when it asks for
 * the same job as the queued command or the job on the hub (a redelivery, or the same
 * request published twice), and a {@code JOB_DEFINITION_CONFLICT} rejection (with a dead
 * letter) when it asks for another; the known job stays as it is.
 */
@Component
class DuplicateCommands {

	private static final Logger log = LoggerFactory.getLogger(DuplicateCommands.class);

	private final IotHubJobs hub;

	private final Rejections rejections;

	private final SchedulingMetrics metrics;

	DuplicateCommands(IotHubJobs hub, Rejections rejections, SchedulingMetrics metrics) {
		this.hub = hub;
		this.rejections = rejections;
		this.metrics = metrics;
	}

	void handle(ScheduleJob command, CommandOrigin origin, JobState state, BatchState batch) {
		if (state == JobState.WAITING) {
			compare(command, origin, batch.waitingCommand(command.jobId()), "the queued one");
		}
		else if (state == JobState.ON_HUB) {
			compareWithHub(command, origin);
		}
		else {
			duplicate(command, state);
		}
	}

	private void compareWithHub(ScheduleJob command, CommandOrigin origin) {
		try {
			HubJob existing = this.hub.get(command.jobId());
			compare(command, origin, Submitter.differences(command, existing), "the job on the hub");
		}
		catch (HubCallException ex) {
			if (ex.isTransient()) {
				this.metrics.retry("get", ex.kind());
				throw new HubUnavailableException(ex);
			}
			log.warn("Job {} was submitted but the hub cannot show it ({}); the command is taken as a duplicate",
					command.jobId(), ex.describe());
			duplicate(command, JobState.ON_HUB);
		}
	}

	private void compare(ScheduleJob command, CommandOrigin origin, ScheduleJob waiting, String what) {
		List<String> differences = (waiting != null)
				? JobDefinition.of(waiting).differencesFrom(JobDefinition.of(command)) : List.of();
		compare(command, origin, differences, what);
	}

	private void compare(ScheduleJob command, CommandOrigin origin, List<String> differences, String what) {
		if (differences.isEmpty()) {
			duplicate(command, null);
			return;
		}
		this.rejections.reject(command, origin, 409, Submitter.DEFINITION_CONFLICT, "Job " + command.jobId()
				+ " exists with another definition (" + what + "): " + String.join("; ", differences), null);
	}

	private void duplicate(ScheduleJob command, JobState state) {
		log.info("ScheduleJob {} again with the same definition{}: nothing to do", command.jobId(),
				(state != null) ? " (" + state + ")" : "");
		this.metrics.command("schedule", "duplicate");
	}

}
