package dev.fleetjobs.executor.scheduling;

import java.util.Optional;

import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.ScheduleJob;

/**
 * Port: the rollout engine, as the commands listener hands it rollouts and their cancels.
 * Implemented by the rollout feature, which writes into the listener's transaction and
 * takes over once it committed.
 */
public interface Rollouts {

	/**
	 * Writes a new rollout (its state and {@code RolloutAccepted}) into the current
	 * transaction.
	 * @return what to run once the transaction committed
	 */
	Runnable accept(ScheduleJob command, int partition);

	/**
	 * Writes a rollout's cancel request into the current transaction.
	 * @return what to run once the transaction committed
	 */
	Runnable cancel(CancelJob cancel, int partition);

	/** The command of a known rollout of an owned partition. */
	Optional<ScheduleJob> command(String jobId);

	/** Whether a known rollout has ended. */
	boolean hasEnded(String jobId);

}
