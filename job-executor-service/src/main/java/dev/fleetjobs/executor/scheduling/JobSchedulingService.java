package dev.fleetjobs.executor.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.executor.queueing.JobLedger;
import dev.fleetjobs.executor.queueing.JobState;
import dev.fleetjobs.executor.queueing.WaitingJob;
import dev.fleetjobs.executor.queueing.WaitingRoom;
import dev.fleetjobs.executor.scheduling.Submitter.Outcome;

import org.springframework.stereotype.Service;

/**
 * Handles a batch of commands in order. A new {@code ScheduleJob} goes to the hub at
 * once, unless older jobs wait (then it queues behind them); what the hub answers becomes
 * {@code JobSubmitted}, {@code JobRejected} (plus a dead letter) or {@code JobQueued}
 * (the hub is busy, or failed transiently). A command for a known jobId is a no-op when
 * it asks for the same job, and a conflict when it does not.
 */
@Service
class JobSchedulingService {

	private static final Logger log = LoggerFactory.getLogger(JobSchedulingService.class);

	private final Submitter submitter;

	private final DuplicateCommands duplicates;

	private final EarlyHubCalls earlyCalls;

	private final LifecyclePublisher publisher;

	private final LifecycleEvents events;

	private final Rejections rejections;

	private final JobCancellationService cancellations;

	private final JobLedger ledger;

	private final WaitingRoom room;

	private final SchedulingMetrics metrics;

	private final Rollouts rollouts;

	private final Clock clock;

	JobSchedulingService(Submitter submitter, DuplicateCommands duplicates, EarlyHubCalls earlyCalls,
			LifecyclePublisher publisher, LifecycleEvents events, Rejections rejections,
			JobCancellationService cancellations, JobLedger ledger, WaitingRoom room, SchedulingMetrics metrics,
			Rollouts rollouts, Clock clock) {
		this.submitter = submitter;
		this.duplicates = duplicates;
		this.earlyCalls = earlyCalls;
		this.publisher = publisher;
		this.events = events;
		this.rejections = rejections;
		this.cancellations = cancellations;
		this.ledger = ledger;
		this.room = room;
		this.metrics = metrics;
		this.rollouts = rollouts;
		this.clock = clock;
	}

	/** Handles the commands in order; returns when their events are published. */
	void handle(List<IncomingCommand> commands) {
		BatchState batch = new BatchState(this.ledger, this.room);
		boolean bound = batch.bindToTransaction();
		boolean handled = false;
		try {
			Map<ScheduleJob, CompletableFuture<Outcome>> early = this.earlyCalls.start(commands);
			for (IncomingCommand command : commands) {
				handleOne(command, batch, early);
			}
			handled = true;
		}
		finally {
			if (!bound) {
				batch.complete(handled);
			}
		}
	}

	private void handleOne(IncomingCommand command, BatchState batch,
			Map<ScheduleJob, CompletableFuture<Outcome>> early) {
		try {
			if (command instanceof IncomingCommand.Schedule schedule) {
				schedule(schedule.command(), schedule.origin(), batch, early.get(schedule.command()));
			}
			else if (command instanceof IncomingCommand.Cancel cancel) {
				this.cancellations.cancel(cancel.command(), cancel.origin(), batch);
			}
			else if (command instanceof IncomingCommand.Malformed malformed) {
				log.warn("Dead-lettering a malformed command at {}-{}@{}: {}", malformed.origin().topic(),
						malformed.origin().partition(), malformed.origin().offset(), malformed.reason());
				this.publisher.deadLetter(new DeadLetter(malformed.origin(), malformed.value(), malformed.errorCode(),
						malformed.reason(), null));
				this.metrics.command("malformed", "dead_lettered");
			}
		}
		catch (PublishException | HubUnavailableException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			log.error("Command at {}-{}@{} failed; dead-lettering it", command.origin().topic(),
					command.origin().partition(), command.origin().offset(), ex);
			Object value = (command instanceof IncomingCommand.Schedule schedule) ? schedule.command()
					: (command instanceof IncomingCommand.Cancel cancel) ? cancel.command() : null;
			this.publisher.deadLetter(new DeadLetter(command.origin(), value, "INTERNAL_ERROR", ex.toString(), null));
		}
	}

	void schedule(ScheduleJob command, CommandOrigin origin, BatchState batch, CompletableFuture<Outcome> early) {
		String[] problem = CommandChecks.problem(command);
		if (problem != null) {
			this.rejections.reject(command, origin, 0, CommandChecks.INVALID_COMMAND, problem[0] + " " + problem[1],
					problem[0]);
			if (CommandChecks.isJobId(command.jobId())) {
				batch.record(origin.partition(), command.jobId(), JobState.REJECTED);
			}
			return;
		}
		JobState state = batch.state(origin.partition(), command.jobId());
		if (state != null) {
			this.duplicates.handle(command, origin, state, batch);
		}
		else if (command.rollout() != null) {
			batch.afterCommit(this.rollouts.accept(command, origin.partition()));
			batch.record(origin.partition(), command.jobId(), JobState.ROLLOUT);
			batch.rollout(command);
			this.metrics.command("schedule", "rollout_accepted");
		}
		else if (early != null) {
			apply(EarlyHubCalls.await(early), command, origin, batch);
		}
		else if (this.room.mustWait() || batch.queuedHereForTheGate()) {
			queue(command, origin, batch, 0, "Waiting behind older jobs for the hub", null);
		}
		else {
			apply(this.submitter.submit(command), command, origin, batch);
		}
	}

	private void apply(Outcome outcome, ScheduleJob command, CommandOrigin origin, BatchState batch) {
		if (outcome instanceof Outcome.Submitted submitted) {
			this.publisher.publish(command.jobId(), origin.partition(),
					this.events.submitted(command, submitted.job(), 1));
			batch.record(origin.partition(), command.jobId(), JobState.ON_HUB);
			this.metrics.command("schedule", "submitted");
		}
		else if (outcome instanceof Outcome.Rejected rejected) {
			this.rejections.reject(command, origin, rejected.httpStatus(), rejected.errorCode(), rejected.reason(),
					null);
			batch.record(origin.partition(), command.jobId(), JobState.REJECTED);
		}
		else if (outcome instanceof Outcome.HubBusy busy) {
			this.metrics.retry("create", busy.label());
			this.room.gate().busy(busy.label());
			queue(command, origin, batch, 1, busy.cause().describe(), null);
		}
		else if (outcome instanceof Outcome.Transient failure) {
			this.metrics.retry("create", failure.cause().kind());
			this.room.gate().failed(failure.cause().kind());
			queue(command, origin, batch, 1, failure.cause().describe(), failure.cause().kind());
		}
	}

	private void queue(ScheduleJob command, CommandOrigin origin, BatchState batch, int attempts, String reason,
			String transientLabel) {
		Instant now = this.clock.instant();
		int position = this.room.size() + batch.queuedHereCount() + 1;
		this.publisher.publish(command.jobId(), origin.partition(), this.events.queued(command, reason, position, now));
		WaitingJob job = new WaitingJob(command, origin, now, attempts, reason);
		batch.queue((transientLabel != null) ? job.afterTransientFailure(transientLabel) : job);
		this.metrics.command("schedule", "queued");
	}

}
