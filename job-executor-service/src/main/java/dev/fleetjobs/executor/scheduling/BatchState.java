package dev.fleetjobs.executor.scheduling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.executor.queueing.JobLedger;
import dev.fleetjobs.executor.queueing.JobState;
import dev.fleetjobs.executor.queueing.WaitingJob;
import dev.fleetjobs.executor.queueing.WaitingRoom;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The state changes of one batch of commands. Commands later in the batch see the changes
 * of earlier ones at once; the ledger and the queue get them only once the batch's
 * transaction (its events and offsets) committed, and never if it rolled back.
 */
final class BatchState {

	private final JobLedger ledger;

	private final WaitingRoom room;

	private final Map<String, JobState> overlay = new HashMap<>();

	private final Map<String, WaitingJob> queuedHere = new LinkedHashMap<>();

	private final Map<String, ScheduleJob> rolloutsHere = new HashMap<>();

	private final List<Runnable> onCommit = new ArrayList<>();

	private final List<Runnable> onRollback = new ArrayList<>();

	BatchState(JobLedger ledger, WaitingRoom room) {
		this.ledger = ledger;
		this.room = room;
	}

	JobState state(int partition, String jobId) {
		JobState state = this.overlay.get(jobId);
		return (state != null) ? state : this.ledger.state(partition, jobId);
	}

	void record(int partition, String jobId, JobState state) {
		this.overlay.put(jobId, state);
		this.onCommit.add(() -> this.ledger.record(partition, jobId, state));
	}

	/** Queues a job; it joins the queue once its {@code JobQueued} is committed. */
	void queue(WaitingJob job) {
		this.queuedHere.put(job.jobId(), job);
		record(job.partition(), job.jobId(), JobState.WAITING);
		this.onCommit.add(() -> {
			if (this.queuedHere.containsKey(job.jobId())) {
				this.room.add(job);
			}
		});
	}

	/** The command a waiting job was queued with, in this batch or before. */
	ScheduleJob waitingCommand(String jobId) {
		WaitingJob job = this.queuedHere.get(jobId);
		if (job == null) {
			job = this.room.find(jobId);
		}
		return (job != null) ? job.command() : null;
	}

	/**
	 * Remembers a rollout accepted in this batch (a later duplicate compares with it).
	 */
	void rollout(ScheduleJob command) {
		this.rolloutsHere.put(command.jobId(), command);
	}

	/** The command of a rollout accepted in this batch, or {@code null}. */
	ScheduleJob rolloutCommand(String jobId) {
		return this.rolloutsHere.get(jobId);
	}

	/** Drops a job queued in this very batch; false when it was queued before. */
	boolean dropQueuedHere(String jobId) {
		return this.queuedHere.remove(jobId) != null;
	}

	/** Jobs queued in this batch so far (they count for queue positions). */
	int queuedHereCount() {
		return this.queuedHere.size();
	}

	/**
	 * Whether a job queued in this batch waits for the hub's gate (rather than on its own
	 * retry backoff): later commands of the batch then queue behind it.
	 */
	boolean queuedHereForTheGate() {
		return this.queuedHere.values().stream().anyMatch((job) -> !job.waitsForRetry());
	}

	void afterCommit(Runnable action) {
		this.onCommit.add(action);
	}

	void afterRollback(Runnable action) {
		this.onRollback.add(action);
	}

	/**
	 * Ties the changes to the surrounding transaction: applied when it commits, discarded
	 * when it rolls back (claims are released either way).
	 * @return false when there is no transaction (unit tests): the caller completes. The
	 * listener's transaction manager must synchronize ({@code KafkaConfiguration}); one
	 * that does not would make every batch look like this
	 */
	boolean bindToTransaction() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return false;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				complete(status == STATUS_COMMITTED);
			}
		});
		return true;
	}

	/** Applies (committed) or discards (rolled back) the changes, releasing claims. */
	void complete(boolean committed) {
		(committed ? this.onCommit : this.onRollback).forEach(Runnable::run);
	}

}
