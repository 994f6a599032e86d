package dev.fleetjobs.executor.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.executor.queueing.JobLedger;
import dev.fleetjobs.executor.queueing.JobState;
import dev.fleetjobs.executor.queueing.WaitingJob;
import dev.fleetjobs.executor.queueing.WaitingRoom;

import org.springframework.stereotype.Service;

/**
 * Handles {@code CancelJob}. A job that still waits is taken out of the queue without
 * touching the hub ({@code JobCancelled} with {@code wasQueued}); if the dispatcher is
 * trying it at that moment, the cancel waits for the try and then acts on its outcome.
 * Any other job is cancelled on the hub ({@code JobCancelled} with the hub's status, or
 * {@code JobCancelFailed} with the hub's error).
 */
@Service
class JobCancellationService {

	private static final Logger log = LoggerFactory.getLogger(JobCancellationService.class);

	static final String JOB_REJECTED = "JOB_REJECTED";

	static final String ROLLOUT_ENDED = "ROLLOUT_ENDED";

	private final IotHubJobs hub;

	private final LifecyclePublisher publisher;

	private final LifecycleEvents events;

	private final JobLedger ledger;

	private final WaitingRoom room;

	private final SchedulingMetrics metrics;

	private final Rollouts rollouts;

	JobCancellationService(IotHubJobs hub, LifecyclePublisher publisher, LifecycleEvents events, JobLedger ledger,
			WaitingRoom room, SchedulingMetrics metrics, Rollouts rollouts) {
		this.hub = hub;
		this.publisher = publisher;
		this.events = events;
		this.ledger = ledger;
		this.room = room;
		this.metrics = metrics;
		this.rollouts = rollouts;
	}

	void cancel(CancelJob command, CommandOrigin origin, BatchState batch) {
		if (!CommandChecks.isJobId(command.jobId())) {
			this.publisher.deadLetter(new DeadLetter(origin, command, CommandChecks.INVALID_COMMAND,
					"jobId must be 1 to 64 letters, digits and '-'", "jobId"));
			this.metrics.command("cancel", "dead_lettered");
			return;
		}
		int partition = origin.partition();
		JobState state = batch.state(partition, command.jobId());
		if (state == JobState.WAITING) {
			if (batch.dropQueuedHere(command.jobId())) {
				dropped(command, origin, batch);
				return;
			}
			WaitingJob claimed = this.room.claim(command.jobId());
			if (claimed != null) {
				batch.afterCommit(() -> this.room.removeClaimed(claimed));
				batch.afterRollback(() -> this.room.release(claimed));
				dropped(command, origin, batch);
				return;
			}
			state = this.ledger.state(partition, command.jobId());
		}
		if (state == JobState.ROLLOUT) {
			cancelRollout(command, origin, batch);
		}
		else if (state == JobState.DROPPED) {
			log.info("CancelJob {} again: it was already taken out of the queue", command.jobId());
			this.metrics.command("cancel", "duplicate");
		}
		else if (state == JobState.REJECTED) {
			this.publisher.publish(command.jobId(), partition, this.events.cancelFailed(command, 0, JOB_REJECTED,
					"Job " + command.jobId() + " was rejected and never ran; there is nothing to cancel"));
			this.metrics.command("cancel", "failed");
		}
		else {
			cancelOnHub(command, partition);
		}
	}

	/**
	 * A rollout's cancel is recorded with the command's offset and carried out by the
	 * rollout engine (its waves are cancelled on the hub, then {@code RolloutEnded}); an
	 * ended rollout's cancel fails.
	 */
	private void cancelRollout(CancelJob command, CommandOrigin origin, BatchState batch) {
		boolean ended = batch.rolloutCommand(command.jobId()) == null && this.rollouts.hasEnded(command.jobId());
		if (ended) {
			this.publisher.publish(command.jobId(), origin.partition(), this.events.cancelFailed(command, 0,
					ROLLOUT_ENDED, "Rollout " + command.jobId() + " has ended; there is nothing to cancel"));
			this.metrics.command("cancel", "failed");
			return;
		}
		batch.afterCommit(this.rollouts.cancel(command, origin.partition()));
		this.metrics.command("cancel", "rollout_cancel_requested");
	}

	private void dropped(CancelJob command, CommandOrigin origin, BatchState batch) {
		this.publisher.publish(command.jobId(), origin.partition(), this.events.cancelled(command, true, null));
		batch.record(origin.partition(), command.jobId(), JobState.DROPPED);
		this.metrics.command("cancel", "dropped_from_queue");
	}

	private void cancelOnHub(CancelJob command, int partition) {
		try {
			HubJob job = this.hub.cancel(command.jobId());
			this.publisher.publish(command.jobId(), partition, this.events.cancelled(command, false, job.status()));
			this.room.gate().capacityMayHaveFreed();
			this.metrics.command("cancel", "cancelled");
		}
		catch (HubCallException ex) {
			if (ex.isTransient()) {
				this.metrics.retry("cancel", ex.kind());
				throw new HubUnavailableException(ex);
			}
			log.info("Cancel of job {} refused: {}", command.jobId(), ex.describe());
			this.publisher.publish(command.jobId(), partition,
					this.events.cancelFailed(command, ex.httpStatus(), ex.errorCode(), ex.describe()));
			this.metrics.command("cancel", "failed");
		}
	}

}
