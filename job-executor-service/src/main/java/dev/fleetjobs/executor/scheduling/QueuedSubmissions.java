package dev.fleetjobs.executor.scheduling;

import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.executor.queueing.JobLedger;
import dev.fleetjobs.executor.queueing.JobState;
import dev.fleetjobs.executor.queueing.WaitingJob;
import dev.fleetjobs.executor.queueing.WaitingJobHandler;
import dev.fleetjobs.executor.scheduling.Submitter.Outcome;

import org.springframework.stereotype.Component;

/**
 * The dispatcher's attempts at waiting jobs: the same hub call as for a new command, its
 * outcome published in a Kafka transaction of its own. If the process dies between the
 * hub call and the commit, the job is still {@code JobQueued} in the lifecycle, is
 * rebuilt into the queue, and its next attempt finds the job on the hub ("already
 * exists", same definition) and publishes the one {@code JobSubmitted}.
 */
@Component
class QueuedSubmissions implements WaitingJobHandler {

	static final String RETRIES_EXHAUSTED = "RETRIES_EXHAUSTED";

	private final Submitter submitter;

	private final LifecyclePublisher publisher;

	private final LifecycleEvents events;

	private final Rejections rejections;

	private final JobLedger ledger;

	private final SchedulingMetrics metrics;

	QueuedSubmissions(Submitter submitter, LifecyclePublisher publisher, LifecycleEvents events, Rejections rejections,
			JobLedger ledger, SchedulingMetrics metrics) {
		this.submitter = submitter;
		this.publisher = publisher;
		this.events = events;
		this.rejections = rejections;
		this.ledger = ledger;
		this.metrics = metrics;
	}

	@Override
	public Attempt attempt(WaitingJob job) {
		ScheduleJob command = job.command();
		Outcome outcome = this.submitter.submit(command);
		if (outcome instanceof Outcome.Submitted submitted) {
			this.publisher.inNewTransaction(() -> this.publisher.publish(command.jobId(), job.partition(),
					this.events.submitted(command, submitted.job(), job.attempts() + 1)));
			this.ledger.record(job.partition(), command.jobId(), JobState.ON_HUB);
			this.metrics.command("schedule", "submitted");
			return Attempt.settled();
		}
		if (outcome instanceof Outcome.Rejected rejected) {
			this.publisher.inNewTransaction(() -> this.rejections.reject(command, job.origin(), rejected.httpStatus(),
					rejected.errorCode(), rejected.reason(), null));
			this.ledger.record(job.partition(), command.jobId(), JobState.REJECTED);
			return Attempt.settled();
		}
		if (outcome instanceof Outcome.HubBusy busy) {
			this.metrics.retry("create", busy.label());
			return Attempt.hubBusy(busy.cause().describe(), busy.label());
		}
		HubCallException cause = ((Outcome.Transient) outcome).cause();
		this.metrics.retry("create", cause.kind());
		return Attempt.retryLater(cause.describe(), cause.kind());
	}

	@Override
	public void expire(WaitingJob job) {
		this.publisher.inNewTransaction(() -> this.rejections.reject(job.command(), job.origin(), 0, RETRIES_EXHAUSTED,
				"Gave up after " + job.attempts() + " attempts; the last: " + job.lastReason(), null));
		this.ledger.record(job.partition(), job.jobId(), JobState.REJECTED);
	}

}
