package dev.fleetjobs.executor.rollout;

import java.time.Clock;
import java.util.Optional;

import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.executor.rollout.RolloutEngine.Known;
import dev.fleetjobs.executor.scheduling.LifecyclePublisher;
import dev.fleetjobs.executor.scheduling.Rollouts;

import org.springframework.stereotype.Component;

/**
 * The commands listener's side of rollouts: a new rollout's state and its
 * {@code RolloutAccepted}, and a cancel's record, written in the listener's transaction
 * (with the command's offset); the engine takes them once that transaction committed.
 */
@Component
public class RolloutRequests implements Rollouts {

	private final RolloutStore store;

	private final LifecyclePublisher publisher;

	private final RolloutEngine engine;

	private final Clock clock;

	RolloutRequests(RolloutStore store, LifecyclePublisher publisher, RolloutEngine engine, Clock clock) {
		this.store = store;
		this.publisher = publisher;
		this.engine = engine;
		this.clock = clock;
	}

	/**
	 * Writes the new rollout and its {@code RolloutAccepted} into the current
	 * transaction.
	 * @return what to run once the transaction committed (the engine takes the rollout)
	 */
	@Override
	public Runnable accept(ScheduleJob command, int partition) {
		RolloutRun run = RolloutRun.accepted(command, partition);
		this.store.rollout(run);
		this.publisher.publish(command.jobId(), partition, RolloutEvents.accepted(run, this.clock.instant()));
		return () -> this.engine.accepted(run);
	}

	/**
	 * Writes the cancel request into the current transaction.
	 * @return what to run once the transaction committed (the engine acts on it)
	 */
	@Override
	public Runnable cancel(CancelJob cancel, int partition) {
		this.store.cancel(cancel.jobId(), partition, cancel);
		return () -> this.engine.cancelRequested(cancel.jobId(), cancel);
	}

	@Override
	public Optional<ScheduleJob> command(String jobId) {
		return this.engine.known(jobId).map(Known::command);
	}

	@Override
	public boolean hasEnded(String jobId) {
		return this.engine.known(jobId).map(Known::ended).orElse(false);
	}

}
