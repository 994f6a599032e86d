package dev.fleetjobs.executor.queueing;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.executor.scheduling.CommandOrigin;
import org.springframework.util.backoff.BackOffExecution;

/**
 * A command that waits in the queue: for the hub's job quota, or for a retry after a
 * transient failure. Whoever works on it (the dispatcher trying it, a cancel removing it)
 * holds its lock, so the two never overlap.
 */
public final class WaitingJob {

	private final ScheduleJob command;

	private final CommandOrigin origin;

	private final Instant queuedAt;

	final ReentrantLock lock = new ReentrantLock();

	long sequence;

	int attempts;

	String lastReason;

	Instant notBefore;

	String retryLabel;

	BackOffExecution retries;

	boolean removed;

	/**
	 * A new waiting job.
	 * @param command the command
	 * @param origin where it came from
	 * @param queuedAt when it was queued (its place in the queue)
	 * @param attempts hub calls made for it so far
	 * @param reason why it waits
	 */
	public WaitingJob(ScheduleJob command, CommandOrigin origin, Instant queuedAt, int attempts, String reason) {
		this.command = command;
		this.origin = origin;
		this.queuedAt = queuedAt;
		this.attempts = attempts;
		this.lastReason = reason;
	}

	/**
	 * Marks a job that failed transiently: it waits on its own backoff, from its first
	 * interval, when it joins the queue.
	 * @param label the failure's metric label, e.g. {@code server_error}
	 */
	public WaitingJob afterTransientFailure(String label) {
		this.retryLabel = label;
		return this;
	}

	public ScheduleJob command() {
		return this.command;
	}

	public String jobId() {
		return this.command.jobId();
	}

	public CommandOrigin origin() {
		return this.origin;
	}

	public int partition() {
		return this.origin.partition();
	}

	public Instant queuedAt() {
		return this.queuedAt;
	}

	/** Hub calls made for it so far. */
	public int attempts() {
		return this.attempts;
	}

	public String lastReason() {
		return this.lastReason;
	}

	/**
	 * Whether it waits on its own backoff after a transient failure (not for the gate).
	 */
	public boolean waitsForRetry() {
		return this.retryLabel != null;
	}

	boolean isDue(Instant now) {
		return this.notBefore == null || !now.isBefore(this.notBefore);
	}

	@Override
	public String toString() {
		return "WaitingJob[" + jobId() + ", partition " + partition() + ", queued " + this.queuedAt + ", attempts "
				+ this.attempts + "]";
	}

}
