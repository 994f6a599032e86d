package dev.fleetjobs.executor.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.rollout.AbortCriterion;
import dev.fleetjobs.contracts.rollout.FailureType;
import dev.fleetjobs.contracts.rollout.RetryCriterion;
import dev.fleetjobs.contracts.rollout.Rollout;
import dev.fleetjobs.contracts.rollout.RolloutOutcome;
import dev.fleetjobs.contracts.rollout.RolloutPhase;
import dev.fleetjobs.contracts.rollout.RolloutTotals;
import dev.fleetjobs.contracts.rollout.TargetSelection;
import dev.fleetjobs.executor.rollout.RolloutRecord.Counts;
import dev.fleetjobs.executor.rollout.RolloutRecord.RetryBatch;
import dev.fleetjobs.support.rollout.MaintenanceWindows;

/**
 * One rollout as the engine drives it: its targets, pacing, waves, retries and counts,
 * and the arithmetic of its decisions (what the next slot sends, what a completed wave
 * means, whether an abort criterion tripped). Touched by the engine thread only; saved as
 * a {@link RolloutRecord} plus target chunks.
 */
final class RolloutRun {

	/** Target ids per chunk record. */
	static final int CHUNK = 1000;

	final ScheduleJob command;

	final Rollout settings;

	final int partition;

	final MaintenanceWindows windows;

	RolloutPhase phase = RolloutPhase.WAITING;

	RolloutOutcome outcome;

	String endReason;

	Instant startedAt;

	final List<String> targets = new ArrayList<>();

	private final Set<String> targetSet = new HashSet<>();

	int nextTarget;

	double rate;

	int sinceIncrease;

	double allowance;

	Instant nextSlotAt;

	Instant lastQueryAt;

	int waveCount;

	final TreeMap<Integer, Wave> active = new TreeMap<>();

	final List<RetryBatch> retries = new ArrayList<>();

	int succeeded;

	int failed;

	int timedOut;

	int cancelled;

	CancelJob cancel;

	/** Chunks saved as they are now (a later target changes the last one). */
	int savedChunks;

	/** Whether the hub must be asked for waves created just before a crash. */
	boolean needsProbe;

	/** Whether the current slot still has waves to start (the hub was busy). */
	boolean slotOpen;

	/** When the current slot was due (for the wave start latency). */
	Instant slotDueAt;

	/** Not before this time is a failed hub call (query, cancel, create) tried again. */
	Instant retryAt;

	private RolloutRun(ScheduleJob command, int partition) {
		this.command = command;
		this.settings = command.rollout();
		this.partition = partition;
		this.windows = MaintenanceWindows.of(this.settings.windows());
	}

	static RolloutRun accepted(ScheduleJob command, int partition) {
		RolloutRun run = new RolloutRun(command, partition);
		run.rate = run.initialRate();
		return run;
	}

	static RolloutRun from(RolloutRecord record, List<List<String>> chunks, CancelJob cancel) {
		RolloutRun run = new RolloutRun(record.command(), record.partition());
		run.phase = record.phase();
		run.outcome = record.outcome();
		run.endReason = record.endReason();
		run.startedAt = record.startedAt();
		chunks.forEach(run::addTargets);
		run.nextTarget = Math.min(record.nextTarget(), run.targets.size());
		run.rate = record.rate();
		run.sinceIncrease = record.sinceIncrease();
		run.allowance = record.allowance();
		run.nextSlotAt = record.nextSlotAt();
		run.lastQueryAt = record.lastQueryAt();
		run.waveCount = record.waveCount();
		for (RolloutRecord.Wave wave : record.active()) {
			Wave restored = new Wave(wave.number(), wave.attempt(), wave.hubJobId(), wave.deviceCount());
			restored.cancelRequested = wave.cancelRequested();
			restored.cancelSent = wave.cancelSent();
			restored.expected = wave.expected();
			restored.outcomes.putAll(wave.outcomes());
			restored.live = wave.live();
			run.active.put(wave.number(), restored);
		}
		run.retries.addAll(record.retries());
		Counts counts = record.counts();
		run.succeeded = counts.succeeded();
		run.failed = counts.failed();
		run.timedOut = counts.timedOut();
		run.cancelled = counts.cancelled();
		run.cancel = (record.cancel() != null) ? record.cancel() : cancel;
		run.savedChunks = chunks.size();
		run.needsProbe = run.phase != RolloutPhase.ENDED && run.startedAt != null;
		run.slotOpen = run.phase == RolloutPhase.RUNNING;
		return run;
	}

	RolloutRecord toRecord() {
		List<RolloutRecord.Wave> waves = this.active.values()
			.stream()
			.map((wave) -> new RolloutRecord.Wave(wave.number, wave.attempt, wave.hubJobId, wave.deviceCount,
					wave.cancelRequested, wave.cancelSent, wave.expected, Map.copyOf(wave.outcomes), wave.live))
			.toList();
		return new RolloutRecord(this.command, this.partition, this.phase, this.outcome, this.endReason, this.startedAt,
				this.targets.size(), this.nextTarget, this.rate, this.sinceIncrease, this.allowance, this.nextSlotAt,
				this.lastQueryAt, this.waveCount, waves, List.copyOf(this.retries),
				new Counts(this.succeeded, this.failed, this.timedOut, this.cancelled), this.cancel);
	}

	String jobId() {
		return this.command.jobId();
	}

	String waveId(int number) {
		return jobId() + "-w" + number;
	}

	boolean isEnded() {
		return this.phase == RolloutPhase.ENDED;
	}

	boolean isContinuous() {
		return this.settings.selection() == TargetSelection.CONTINUOUS;
	}

	Duration interval() {
		return Duration.ofSeconds(this.settings.waveInterval());
	}

	/** The rate at the start: the constant rate, the exponential base, or 0 (none). */
	private double initialRate() {
		if (this.settings.exponential() != null) {
			return this.settings.exponential().baseRatePerMinute();
		}
		return (this.settings.maxDevicesPerMinute() != null) ? this.settings.maxDevicesPerMinute() : 0;
	}

	/** Devices the rate allows per slot (0: unlimited). */
	double slotWorth() {
		return this.rate * this.settings.waveInterval() / 60.0;
	}

	/** Adds targets not seen before, in order; returns those that joined. */
	List<String> addTargets(List<String> deviceIds) {
		List<String> joined = new ArrayList<>();
		for (String id : deviceIds) {
			if (this.targetSet.add(id)) {
				this.targets.add(id);
				joined.add(id);
			}
		}
		return joined;
	}

	/** The target chunks (index, ids) that changed since they were last saved. */
	Map<Integer, List<String>> unsavedChunks() {
		Map<Integer, List<String>> chunks = new LinkedHashMap<>();
		int total = (this.targets.size() + CHUNK - 1) / CHUNK;
		for (int chunk = Math.max(0, this.savedChunks - 1); chunk < total; chunk++) {
			chunks.put(chunk, List
				.copyOf(this.targets.subList(chunk * CHUNK, Math.min(this.targets.size(), (chunk + 1) * CHUNK))));
		}
		return chunks;
	}

	int chunkCount() {
		return (this.targets.size() + CHUNK - 1) / CHUNK;
	}

	/**
	 * A slot came: the rate's allowance grows by one slot's worth per slot passed (at
	 * most two slots' worth, so that a late slot never bursts), and the next slot is set
	 * on the grid.
	 */
	void slotPassed(Instant now) {
		long interval = interval().toMillis();
		long passed = 1 + Math.max(0, Duration.between(this.nextSlotAt, now).toMillis()) / interval;
		this.slotDueAt = this.nextSlotAt.plusMillis((passed - 1) * interval);
		if (this.rate > 0) {
			this.allowance = Math.min(this.allowance + passed * slotWorth(), 2 * slotWorth());
		}
		this.nextSlotAt = this.nextSlotAt.plusMillis(passed * interval);
		this.slotOpen = true;
	}

	/** Restarts the pacing (at the start, and when a maintenance window opens). */
	void restartPacing(Instant now) {
		this.nextSlotAt = now;
		this.allowance = 0;
	}

	/** How many devices the current slot may still send. */
	int budget() {
		return (this.rate > 0) ? (int) Math.floor(this.allowance + 1e-9) : Integer.MAX_VALUE;
	}

	/**
	 * The waves the slot would start now, in order: due retries first (by attempt), then
	 * new targets, each at most {@code maxWaveSize} devices, within the budget.
	 */
	List<Planned> plan(Instant now, int maxWaveSize) {
		List<Planned> planned = new ArrayList<>();
		int budget = budget();
		for (RetryBatch batch : this.retries) {
			if (budget <= 0) {
				break;
			}
			if (batch.notBefore().isAfter(now)) {
				continue;
			}
			List<String> ids = batch.deviceIds();
			for (int from = 0; from < ids.size() && budget > 0;) {
				int size = Math.min(Math.min(maxWaveSize, budget), ids.size() - from);
				planned.add(new Planned(batch.attempt(), List.copyOf(ids.subList(from, from + size)), batch));
				budget -= size;
				from += size;
			}
		}
		for (int next = this.nextTarget; next < this.targets.size() && budget > 0;) {
			int size = Math.min(Math.min(maxWaveSize, budget), this.targets.size() - next);
			planned.add(new Planned(1, List.copyOf(this.targets.subList(next, next + size)), null));
			budget -= size;
			next += size;
		}
		return planned;
	}

	/** Whether anything waits to be sent: targets no wave reached, or retries. */
	boolean hasWork() {
		return this.nextTarget < this.targets.size() || !this.retries.isEmpty();
	}

	/** A wave exists on the hub with these devices: they leave where they waited. */
	Wave started(int number, int attempt, List<String> deviceIds, RetryBatch from) {
		Wave wave = new Wave(number, attempt, waveId(number), deviceIds.size());
		this.active.put(number, wave);
		this.waveCount = Math.max(this.waveCount, number);
		if (from != null) {
			Set<String> sent = new HashSet<>(deviceIds);
			int index = this.retries.indexOf(from);
			List<String> left = from.deviceIds().stream().filter((id) -> !sent.contains(id)).toList();
			if (left.isEmpty()) {
				this.retries.remove(index);
			}
			else {
				this.retries.set(index,
						new RetryBatch(from.attempt(), from.failureType(), from.fromWave(), from.notBefore(), left));
			}
		}
		else {
			this.nextTarget += deviceIds.size();
		}
		if (this.rate > 0) {
			this.allowance -= deviceIds.size();
		}
		if (attempt == 1) {
			countTowardsIncrease(notifiedCriterion(), deviceIds.size());
		}
		return wave;
	}

	/**
	 * Where a wave adopted from the hub (created before a crash) came from: the next
	 * targets, or a retry batch that holds its devices; {@code null} for the targets.
	 */
	RetryBatch sourceOf(List<String> deviceIds) {
		for (RetryBatch batch : this.retries) {
			if (batch.deviceIds().containsAll(deviceIds)) {
				return batch;
			}
		}
		return null;
	}

	/**
	 * Whether these devices are the next targets (so that an adopted wave can advance the
	 * cursor over them).
	 */
	boolean areNextTargets(List<String> deviceIds) {
		return this.nextTarget + deviceIds.size() <= this.targets.size()
				&& this.targets.subList(this.nextTarget, this.nextTarget + deviceIds.size()).equals(deviceIds);
	}

	/** The wave's results are all in: the wave leaves, its devices are counted. */
	Completion complete(Wave wave, Instant now) {
		this.active.remove(wave.number);
		int ok = 0;
		int cancelledHere = 0;
		Map<FailureType, List<String>> failedByType = new LinkedHashMap<>();
		for (Map.Entry<String, String> outcome : wave.outcomes.entrySet()) {
			switch (outcome.getValue()) {
				case "S" -> ok++;
				case "C" -> cancelledHere++;
				case "T" -> failedByType.computeIfAbsent(FailureType.TIMED_OUT, (type) -> new ArrayList<>())
					.add(outcome.getKey());
				default ->
					failedByType.computeIfAbsent(FailureType.FAILED, (type) -> new ArrayList<>()).add(outcome.getKey());
			}
		}
		int missing = Math.max(0, wave.deviceCount - wave.outcomes.size());
		this.succeeded += ok;
		this.cancelled += cancelledHere;
		this.failed += missing;
		List<RetryBatch> scheduled = new ArrayList<>();
		boolean stopping = this.phase == RolloutPhase.STOPPING || this.phase == RolloutPhase.ENDED;
		for (Map.Entry<FailureType, List<String>> failures : failedByType.entrySet()) {
			RetryCriterion retry = stopping ? null : retryFor(failures.getKey());
			if (retry != null && wave.attempt <= retry.numberOfRetries()) {
				RetryBatch batch = new RetryBatch(wave.attempt + 1, failures.getKey(), wave.number,
						now.plusSeconds(retry.backoffBefore(wave.attempt)), List.copyOf(failures.getValue()));
				this.retries.add(batch);
				scheduled.add(batch);
			}
			else if (failures.getKey() == FailureType.TIMED_OUT) {
				this.timedOut += failures.getValue().size();
			}
			else {
				this.failed += failures.getValue().size();
			}
		}
		countTowardsIncrease(succeededCriterion(), ok);
		return new Completion(wave, ok, size(failedByType, FailureType.FAILED) + missing,
				size(failedByType, FailureType.TIMED_OUT), cancelledHere, scheduled);
	}

	private static int size(Map<FailureType, List<String>> byType, FailureType type) {
		List<String> ids = byType.get(type);
		return (ids != null) ? ids.size() : 0;
	}

	/** The retry criterion for a failure: its own type's, else ALL's, else none. */
	RetryCriterion retryFor(FailureType failure) {
		RetryCriterion all = null;
		for (RetryCriterion criterion : this.settings.retryCriteria()) {
			if (criterion.failureType() == failure) {
				return criterion;
			}
			if (criterion.failureType() == FailureType.ALL) {
				all = criterion;
			}
		}
		return all;
	}

	/** The rollout stops: no further wave; retries that wait are given up. */
	void stop(RolloutOutcome why, String reason, boolean cancelWaves) {
		if (this.phase == RolloutPhase.STOPPING || this.phase == RolloutPhase.ENDED) {
			if (cancelWaves) {
				this.active.values().forEach((wave) -> wave.cancelRequested = true);
			}
			return;
		}
		this.phase = RolloutPhase.STOPPING;
		this.outcome = why;
		this.endReason = reason;
		this.slotOpen = false;
		for (RetryBatch batch : this.retries) {
			if (batch.failureType() == FailureType.TIMED_OUT) {
				this.timedOut += batch.deviceIds().size();
			}
			else {
				this.failed += batch.deviceIds().size();
			}
		}
		this.retries.clear();
		if (cancelWaves) {
			this.active.values().forEach((wave) -> wave.cancelRequested = true);
		}
	}

	/**
	 * The first abort criterion that trips now, with its figures. Device level: executed
	 * devices are those whose latest attempt ended; failed those of them that failed with
	 * the criterion's type (waiting for a retry or not). ALL also counts the running
	 * first-attempt waves' live statistics.
	 */
	Trip abortTrip() {
		for (AbortCriterion criterion : this.settings.abortCriteria()) {
			int failures = failures(criterion.failureType());
			int executed = this.succeeded + this.failed + this.timedOut + awaiting(FailureType.ALL);
			if (criterion.failureType() == FailureType.ALL) {
				for (Wave wave : this.active.values()) {
					if (wave.attempt == 1 && wave.live != null && wave.outcomes.isEmpty()) {
						executed += wave.live.succeededCount() + wave.live.failedCount();
						failures += wave.live.failedCount();
					}
				}
			}
			if (executed > 0 && executed >= criterion.minExecuted()
					&& 100.0 * failures / executed >= criterion.thresholdPercentage()) {
				return new Trip(criterion, executed, failures, 100.0 * failures / executed);
			}
		}
		return null;
	}

	private int failures(FailureType type) {
		int failures = awaiting(type);
		if (type.matches(FailureType.FAILED)) {
			failures += this.failed;
		}
		if (type.matches(FailureType.TIMED_OUT)) {
			failures += this.timedOut;
		}
		return failures;
	}

	private int awaiting(FailureType type) {
		return this.retries.stream()
			.filter((batch) -> type.matches(batch.failureType()))
			.mapToInt((batch) -> batch.deviceIds().size())
			.sum();
	}

	RolloutTotals totals() {
		int inWaves = this.active.values().stream().mapToInt((wave) -> wave.deviceCount).sum();
		return new RolloutTotals(this.targets.size(), this.succeeded, this.failed, this.timedOut, this.cancelled,
				inWaves, awaiting(FailureType.ALL), this.targets.size() - this.nextTarget);
	}

	private Integer notifiedCriterion() {
		return (this.settings.exponential() != null)
				? this.settings.exponential().rateIncreaseCriteria().numberOfNotifiedDevices() : null;
	}

	private Integer succeededCriterion() {
		return (this.settings.exponential() != null)
				? this.settings.exponential().rateIncreaseCriteria().numberOfSucceededDevices() : null;
	}

	/**
	 * Counts devices towards the exponential rate's next increase: once the criterion is
	 * reached the rate grows by the factor, once (up to the maximum), and the count
	 * starts again.
	 */
	private void countTowardsIncrease(Integer criterion, int devices) {
		if (criterion == null || devices <= 0) {
			return;
		}
		this.sinceIncrease += devices;
		if (this.sinceIncrease >= criterion) {
			double next = this.rate * this.settings.exponential().incrementFactor();
			Integer max = this.settings.maxDevicesPerMinute();
			this.rate = (max != null) ? Math.min(next, max) : next;
			this.sinceIncrease = 0;
		}
	}

	/** A wave the engine tracks until its results are in. */
	static final class Wave {

		final int number;

		final int attempt;

		final String hubJobId;

		final int deviceCount;

		boolean cancelRequested;

		boolean cancelSent;

		Integer expected;

		final Map<String, String> outcomes = new LinkedHashMap<>();

		DeviceJobStatistics live;

		Wave(int number, int attempt, String hubJobId, int deviceCount) {
			this.number = number;
			this.attempt = attempt;
			this.hubJobId = hubJobId;
			this.deviceCount = deviceCount;
		}

		/** Whether every result job-status-service published for it is in. */
		boolean resultsIn() {
			return this.expected != null && this.outcomes.size() >= this.expected;
		}

	}

	/** A wave a slot would start. */
	record Planned(int attempt, List<String> deviceIds, RetryBatch from) {
	}

	/** What a completed wave meant. */
	record Completion(Wave wave, int succeeded, int failed, int timedOut, int cancelled, List<RetryBatch> retries) {
	}

	/** An abort criterion that tripped, with its figures. */
	record Trip(AbortCriterion criterion, int executed, int failed, double percentage) {
	}

}
