package dev.fleetjobs.executor.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.executor.scheduling.Rollouts;

/**
 * The rollout port in memory, for unit tests of the scheduling logic: rollouts become
 * known once their batch completes, cancels are recorded.
 */
public final class RecordingRollouts implements Rollouts {

	private final Map<String, ScheduleJob> known = new ConcurrentHashMap<>();

	private final Set<String> ended = ConcurrentHashMap.newKeySet();

	public final List<CancelJob> cancels = new ArrayList<>();

	@Override
	public Runnable accept(ScheduleJob command, int partition) {
		return () -> this.known.put(command.jobId(), command);
	}

	@Override
	public Runnable cancel(CancelJob cancel, int partition) {
		return () -> this.cancels.add(cancel);
	}

	@Override
	public Optional<ScheduleJob> command(String jobId) {
		return Optional.ofNullable(this.known.get(jobId));
	}

	@Override
	public boolean hasEnded(String jobId) {
		return this.ended.contains(jobId);
	}

	public void end(String jobId) {
		this.ended.add(jobId);
	}

}
