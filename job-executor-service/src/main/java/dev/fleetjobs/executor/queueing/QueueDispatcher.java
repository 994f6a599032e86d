package dev.fleetjobs.executor.queueing;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.executor.queueing.WaitingJobHandler.Attempt;
import dev.fleetjobs.support.lifecycle.BackgroundThread;

import org.springframework.stereotype.Component;

/**
 * One thread that tries waiting jobs when they are due, oldest first, and sleeps on the
 * queue's condition in between (never on a listener thread). Starts before the listeners
 * and stops after them.
 */
@Component
class QueueDispatcher extends BackgroundThread {

	private static final Logger log = LoggerFactory.getLogger(QueueDispatcher.class);

	private final WaitingRoom room;

	private final WaitingJobHandler handler;

	QueueDispatcher(WaitingRoom room, WaitingJobHandler handler) {
		super("job-queue-dispatcher");
		this.room = room;
		this.handler = handler;
	}

	@Override
	protected void work() {
		while (isRunning()) {
			try {
				WaitingJob job = this.room.nextDue();
				if (job == null) {
					this.room.awaitWork(Duration.ofSeconds(1));
					continue;
				}
				try {
					dispatch(job);
				}
				finally {
					job.lock.unlock();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.error("Queue dispatcher failed; it carries on", ex);
			}
		}
	}

	void dispatch(WaitingJob job) {
		Attempt attempt;
		try {
			attempt = this.handler.attempt(job);
		}
		catch (RuntimeException ex) {
			log.warn("Attempt at queued job {} failed: {}", job.jobId(), ex.toString());
			attempt = Attempt.retryLater("internal: " + ex.getMessage(), "internal");
		}
		switch (attempt.next()) {
			case SETTLED -> {
				this.room.remove(job);
				this.room.gate().accepted();
			}
			case HUB_BUSY -> {
				record(job, attempt);
				this.room.gate().busy(attempt.label());
			}
			case RETRY_LATER -> {
				record(job, attempt);
				this.room.gate().failed(attempt.label());
				if (!this.room.retryLater(job, attempt.label())) {
					expire(job);
				}
			}
		}
	}

	private void record(WaitingJob job, Attempt attempt) {
		job.attempts++;
		job.lastReason = attempt.reason();
	}

	private void expire(WaitingJob job) {
		try {
			this.handler.expire(job);
			this.room.remove(job);
		}
		catch (RuntimeException ex) {
			log.warn("Could not reject expired job {} yet: {}", job.jobId(), ex.toString());
			this.room.postpone(job, Duration.ofSeconds(5));
		}
	}

	@Override
	public int getPhase() {
		// Listener containers run in a later phase: they stop first, this stops last.
		return Integer.MIN_VALUE / 2;
	}

}
