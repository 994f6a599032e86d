package dev.fleetjobs.status.tracking;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.contracts.rollout.RolloutPhase;
import dev.fleetjobs.contracts.rollout.RolloutProgress;
import dev.fleetjobs.contracts.rollout.RolloutTotals;
import dev.fleetjobs.contracts.rollout.TargetSelection;
import dev.fleetjobs.contracts.rollout.WaveProgress;

/**
 * What this instance knows of a rollout it owns: the executor's latest figures and the
 * waves, those it polls (not completed yet) and the latest completed ones. Rebuilt from
 * the rollout's latest progress event. Touched only by the tracker thread.
 */
final class RolloutState {

	final TargetSelection selection;

	RolloutPhase phase;

	RolloutTotals totals = RolloutTotals.EMPTY;

	double ratePerMinute;

	int waveCount;

	Instant pausedUntil;

	String endReason;

	/** Device results published so far, over every wave. */
	int resultCount;

	/** Waves the executor has not completed yet, by number. */
	final Map<Integer, Wave> active = new TreeMap<>();

	/** The latest completed waves, oldest first. */
	final Deque<WaveProgress> completed = new ArrayDeque<>();

	RolloutState(TargetSelection selection, RolloutPhase phase) {
		this.selection = (selection != null) ? selection : TargetSelection.SNAPSHOT;
		this.phase = phase;
	}

	/** The state a progress event published (after a restart or a rebalance). */
	static RolloutState from(RolloutProgress progress, int resultCount) {
		RolloutState state = new RolloutState(progress.targetSelection(), progress.phase());
		state.totals = (progress.totals() != null) ? progress.totals() : RolloutTotals.EMPTY;
		state.ratePerMinute = progress.ratePerMinute();
		state.waveCount = progress.waveCount();
		state.pausedUntil = progress.pausedUntil();
		state.endReason = progress.endReason();
		state.resultCount = resultCount;
		for (WaveProgress wave : (progress.waves() != null) ? progress.waves() : List.<WaveProgress>of()) {
			if (wave.completed()) {
				state.completed.addLast(wave);
			}
			else {
				state.active.put(wave.wave(), Wave.from(wave));
			}
		}
		return state;
	}

	boolean knows(int wave) {
		return this.active.containsKey(wave) || this.completed.stream().anyMatch((done) -> done.wave() == wave);
	}

	/** The executor completed the wave: it leaves the polled waves. */
	void complete(int number, Instant completedAt) {
		Wave wave = this.active.remove(number);
		if (wave == null) {
			return;
		}
		if (wave.endTime == null) {
			wave.endTime = completedAt;
		}
		this.completed.addLast(wave.progress(true));
		while (this.completed.size() > RolloutProgress.MAX_COMPLETED_WAVES) {
			this.completed.removeFirst();
		}
	}

	/**
	 * Every target counted once: the executor's figures for the devices outside running
	 * waves, and the hub's live statistics of the waves that run.
	 */
	DeviceJobStatistics statistics() {
		RolloutTotals t = this.totals;
		int succeeded = t.succeeded();
		int failed = t.failed() + t.timedOut() + t.cancelled();
		int running = 0;
		int inWavesSeen = 0;
		for (Wave wave : this.active.values()) {
			DeviceJobStatistics live = wave.statistics;
			succeeded += live.succeededCount();
			failed += live.failedCount();
			running += live.runningCount();
			inWavesSeen += live.succeededCount() + live.failedCount() + live.runningCount();
		}
		int pending = t.notNotified() + t.awaitingRetry() + Math.max(0, t.inWaves() - inWavesSeen);
		return new DeviceJobStatistics(succeeded + failed + running + pending, failed, succeeded, running, pending);
	}

	RolloutProgress progress() {
		List<WaveProgress> waves = new ArrayList<>(this.completed);
		this.active.values().forEach((wave) -> waves.add(wave.progress(false)));
		return new RolloutProgress(this.phase, this.selection, this.totals, this.ratePerMinute, this.waveCount,
				this.pausedUntil, this.endReason, List.copyOf(waves));
	}

	/** Waves whose hub job is polled now: those not ended yet whose poll is due. */
	List<Wave> due(Instant now) {
		return this.active.values()
			.stream()
			.filter((wave) -> !wave.ended() && !wave.collecting && !wave.nextDue.isAfter(now))
			.toList();
	}

	/** Waves that ended on the hub and whose results are not published yet. */
	List<Wave> awaitingResults(Instant now) {
		return this.active.values()
			.stream()
			.filter((wave) -> wave.ended() && !wave.resultsComplete && !wave.collecting && !wave.nextDue.isAfter(now))
			.toList();
	}

	/** One wave: one hub job. */
	static final class Wave {

		final int wave;

		final int attempt;

		final String hubJobId;

		JobStatus status = JobStatus.SCHEDULED;

		DeviceJobStatistics statistics = DeviceJobStatistics.EMPTY;

		boolean resultsComplete;

		int resultCount;

		Instant startTime;

		Instant endTime;

		Instant nextDue = Instant.EPOCH;

		/** Since when this instance polls it (the age its poll cadence follows). */
		Instant since;

		boolean collecting;

		Wave(int wave, int attempt, String hubJobId) {
			this.wave = wave;
			this.attempt = attempt;
			this.hubJobId = hubJobId;
		}

		static Wave from(WaveProgress progress) {
			Wave wave = new Wave(progress.wave(), progress.attempt(), progress.hubJobId());
			wave.status = progress.status();
			wave.statistics = progress.statistics();
			wave.resultsComplete = progress.resultsComplete();
			wave.resultCount = progress.deviceResultCount();
			wave.startTime = progress.startTime();
			wave.endTime = progress.endTime();
			return wave;
		}

		boolean ended() {
			return ProgressRules.rank(this.status) == 3;
		}

		WaveProgress progress(boolean completed) {
			return new WaveProgress(this.wave, this.attempt, this.hubJobId, this.status, this.statistics,
					this.resultsComplete, this.resultCount, this.startTime, this.endTime, completed);
		}

	}

}
