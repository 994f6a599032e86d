package dev.fleetjobs.executor.scheduling;

import java.util.List;
import java.util.Objects;

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

	private final Rollouts rollouts;

	private final LifecyclePublisher publisher;

	DuplicateCommands(IotHubJobs hub, Rejections rejections, SchedulingMetrics metrics, Rollouts rollouts,
			LifecyclePublisher publisher) {
		this.hub = hub;
		this.rejections = rejections;
		this.metrics = metrics;
		this.rollouts = rollouts;
		this.publisher = publisher;
	}

	void handle(ScheduleJob command, CommandOrigin origin, JobState state, BatchState batch) {
		if (state == JobState.ROLLOUT) {
			compareWithRollout(command, origin, batch);
		}
		else if (command.rollout() != null) {
			conflict(command, origin, "Job " + command.jobId() + " exists as a job without a rollout (" + state + ")");
		}
		else if (state == JobState.WAITING) {
			compare(command, origin, batch.waitingCommand(command.jobId()), "the queued one");
		}
		else if (state == JobState.ON_HUB) {
			compareWithHub(command, origin);
		}
		else {
			duplicate(command, state);
		}
	}

	/**
	 * A command for a rollout: the same one again is a no-op, another one (or one without
	 * a rollout) a conflict, dead-lettered without touching the rollout.
	 */
	private void compareWithRollout(ScheduleJob command, CommandOrigin origin, BatchState batch) {
		ScheduleJob known = batch.rolloutCommand(command.jobId());
		if (known == null) {
			known = this.rollouts.command(command.jobId()).orElse(null);
		}
		if (known == null) {
			duplicate(command, JobState.ROLLOUT);
			return;
		}
		List<String> differences = new java.util.ArrayList<>(
				JobDefinition.of(known).differencesFrom(JobDefinition.of(command)));
		if (!Objects.equals(known.rollout(), command.rollout())) {
			differences.add("rollout: " + known.rollout() + " != " + command.rollout());
		}
		if (differences.isEmpty()) {
			duplicate(command, JobState.ROLLOUT);
			return;
		}
		conflict(command, origin,
				"Rollout " + command.jobId() + " exists with another definition: " + String.join("; ", differences));
	}

	private void conflict(ScheduleJob command, CommandOrigin origin, String reason) {
		log.info("ScheduleJob {} conflicts with the existing job; dead-lettered: {}", command.jobId(), reason);
		this.publisher.deadLetter(new DeadLetter(origin, command, Submitter.DEFINITION_CONFLICT, reason, null));
		this.metrics.command("schedule", "conflict");
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
