package dev.fleetjobs.executor.rollout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.rollout.EndBehavior;
import dev.fleetjobs.contracts.rollout.FailureType;
import dev.fleetjobs.contracts.rollout.RolloutOutcome;
import dev.fleetjobs.contracts.rollout.RolloutPhase;
import dev.fleetjobs.contracts.rollout.TargetSelection;
import dev.fleetjobs.contracts.rollout.WaveProgress;
import dev.fleetjobs.executor.queueing.HubGate;
import dev.fleetjobs.executor.queueing.WaitingRoom;
import dev.fleetjobs.executor.rollout.FeedbackReader.Feedback;
import dev.fleetjobs.executor.rollout.RolloutEngine.Round;
import dev.fleetjobs.executor.rollout.RolloutRecord.RetryBatch;
import dev.fleetjobs.executor.rollout.RolloutRun.Completion;
import dev.fleetjobs.executor.rollout.RolloutRun.Planned;
import dev.fleetjobs.executor.rollout.RolloutRun.Trip;
import dev.fleetjobs.executor.rollout.RolloutRun.Wave;
import dev.fleetjobs.executor.scheduling.HubCallException;
import dev.fleetjobs.executor.scheduling.HubJob;
import dev.fleetjobs.executor.scheduling.IotHubJobs;
import dev.fleetjobs.executor.scheduling.Submitter;
import dev.fleetjobs.executor.scheduling.Submitter.Outcome;
import dev.fleetjobs.query.Literals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What a rollout does next, and the hub calls that carry it out: select its targets at
 * the start (and again each slot when CONTINUOUS), start waves when a slot comes (through
 * the shared {@link HubGate}), pause and resume with its maintenance windows, stop at its
 * end time, take in its waves' results (retries, abort criteria), cancel its waves when
 * it is cancelled or aborted, and end. Every decision becomes an event of the round.
 * Called on the engine thread.
 */
@Component
class RolloutDecisions {

	private static final Logger log = LoggerFactory.getLogger(RolloutDecisions.class);

	private final Submitter submitter;

	private final IotHubJobs hub;

	private final DeviceSelector selector;

	private final HubGate gate;

	private final RolloutMetrics metrics;

	private final RolloutProperties properties;

	RolloutDecisions(Submitter submitter, IotHubJobs hub, DeviceSelector selector, WaitingRoom room,
			RolloutMetrics metrics, RolloutProperties properties) {
		this.submitter = submitter;
		this.hub = hub;
		this.selector = selector;
		this.gate = room.gate();
		this.metrics = metrics;
		this.properties = properties;
	}

	/** When the rollout next needs the engine without feedback, or {@code null}. */
	static Instant nextDue(RolloutRun run) {
		if (run.isEnded()) {
			return null;
		}
		if (run.retryAt != null) {
			return run.retryAt;
		}
		if (run.phase == RolloutPhase.WAITING) {
			return run.command.startTime();
		}
		Instant due = run.settings.endTime();
		if (run.phase == RolloutPhase.RUNNING) {
			due = earliest(due, run.slotOpen ? null : run.nextSlotAt);
		}
		return due;
	}

	private static Instant earliest(Instant a, Instant b) {
		return (a == null) ? b : (b == null || a.isBefore(b)) ? a : b;
	}

	/** Takes in feedback: waves' live statistics, completeness and device outcomes. */
	void fold(Map<String, RolloutRun> runs, List<Feedback> feedback, Round round, Instant now) {
		List<RolloutRun> touched = new ArrayList<>();
		for (Feedback item : feedback) {
			String jobId = (item.progress() != null) ? item.progress().jobId() : item.result().jobId();
			RolloutRun run = runs.get(jobId);
			if (run == null || run.isEnded()) {
				continue;
			}
			boolean changed = (item.progress() != null) ? foldProgress(run, item.progress().rollout().waves())
					: foldResult(run, item.result());
			if (changed) {
				round.changed(run);
				if (!touched.contains(run)) {
					touched.add(run);
				}
			}
		}
		for (RolloutRun run : touched) {
			completeWaves(run, round, now);
			checkAbort(run, round, now);
		}
	}

	private static boolean foldProgress(RolloutRun run, List<WaveProgress> waves) {
		boolean changed = false;
		for (WaveProgress progress : waves) {
			Wave wave = run.active.get(progress.wave());
			if (wave == null || !wave.hubJobId.equals(progress.hubJobId())) {
				continue;
			}
			if (!Objects.equals(wave.live, progress.statistics())) {
				wave.live = progress.statistics();
				changed = true;
			}
			if (progress.resultsComplete() && wave.expected == null) {
				wave.expected = progress.deviceResultCount();
				changed = true;
			}
		}
		return changed;
	}

	private static boolean foldResult(RolloutRun run, DeviceResult result) {
		Wave wave = run.active.get(result.wave());
		if (wave == null || !Objects.equals(result.attempt(), wave.attempt)) {
			return false;
		}
		return !outcome(result).equals(wave.outcomes.put(result.deviceId(), outcome(result)));
	}

	/**
	 * {@code S} succeeded, {@code C} cancelled, {@code T} timed out, {@code F} failed.
	 */
	static String outcome(DeviceResult result) {
		if (result.status() == DeviceJobStatus.COMPLETED) {
			return "S";
		}
		if (result.status() == DeviceJobStatus.CANCELLED) {
			return "C";
		}
		if (!result.status().isTerminal()) {
			return "T";
		}
		return (FailureType.of(result) == FailureType.TIMED_OUT) ? "T" : "F";
	}

	private void completeWaves(RolloutRun run, Round round, Instant now) {
		for (Wave wave : List.copyOf(run.active.values())) {
			if (wave.resultsIn()) {
				Completion completion = run.complete(wave, now);
				round.event(run, RolloutEvents.waveCompleted(run, completion, now));
				for (RetryBatch batch : completion.retries()) {
					round.event(run, RolloutEvents.retryScheduled(run, batch, now));
				}
			}
		}
	}

	private void checkAbort(RolloutRun run, Round round, Instant now) {
		if (run.phase != RolloutPhase.RUNNING && run.phase != RolloutPhase.PAUSED) {
			return;
		}
		Trip trip = run.abortTrip();
		if (trip != null) {
			log.info("Rollout {} aborted: {}", run.jobId(), RolloutEvents.abortReason(trip));
			round.event(run, RolloutEvents.aborted(run, trip, now));
			run.stop(RolloutOutcome.ABORTED, RolloutEvents.abortReason(trip), true);
		}
	}

	/** One look at a rollout: whatever its phase and the clock call for. */
	void step(RolloutRun run, Instant now, Round round) {
		if (run.retryAt != null) {
			if (now.isBefore(run.retryAt)) {
				return;
			}
			run.retryAt = null;
		}
		if (run.needsProbe && !probe(run, now, round)) {
			return;
		}
		if (run.cancel != null && run.outcome != RolloutOutcome.CANCELLED) {
			cancelled(run, round);
		}
		if (run.phase == RolloutPhase.WAITING) {
			if (now.isBefore(run.command.startTime())) {
				return;
			}
			if (!start(run, now, round)) {
				return;
			}
		}
		if (run.phase == RolloutPhase.RUNNING || run.phase == RolloutPhase.PAUSED) {
			running(run, now, round);
		}
		if (run.phase == RolloutPhase.STOPPING) {
			cancelWaves(run, now, round);
			if (run.active.isEmpty()) {
				run.phase = RolloutPhase.ENDED;
				round.event(run, RolloutEvents.ended(run, now));
				this.metrics.ended(run.outcome);
				log.info("Rollout {} ended {}: {} wave(s), {}", run.jobId(), run.outcome, run.waveCount, run.totals());
			}
		}
	}

	private void cancelled(RolloutRun run, Round round) {
		String reason = "cancelled by " + run.cancel.principal()
				+ ((run.cancel.reason() != null) ? ": " + run.cancel.reason() : "");
		if (run.phase == RolloutPhase.STOPPING) {
			run.stop(run.outcome, run.endReason, true);
			if (run.outcome == RolloutOutcome.STOPPED || run.outcome == RolloutOutcome.COMPLETED) {
				run.outcome = RolloutOutcome.CANCELLED;
				run.endReason = reason;
			}
		}
		else {
			run.stop(RolloutOutcome.CANCELLED, reason, true);
		}
		round.changed(run);
	}

	private boolean start(RolloutRun run, Instant now, Round round) {
		List<String> targets;
		try {
			targets = this.selector.select(run.command.queryCondition());
		}
		catch (HubCallException ex) {
			if (ex.isTransient()) {
				log.info("Rollout {}: selecting its targets failed ({}); trying again", run.jobId(), ex.describe());
				run.retryAt = now.plus(this.properties.retryInterval());
				return false;
			}
			run.startedAt = now;
			run.stop(RolloutOutcome.FAILED, "the hub refused the target query: " + ex.describe(), false);
			round.changed(run);
			return false;
		}
		List<String> joined = run.addTargets(targets);
		run.startedAt = now;
		run.lastQueryAt = now;
		run.phase = RolloutPhase.RUNNING;
		run.restartPacing(now);
		round.event(run, RolloutEvents.joined(run, TargetSelection.SNAPSHOT, joined, now));
		log.info("Rollout {} started: {} target(s), rate {}/min, waves every {}", run.jobId(), joined.size(), run.rate,
				run.interval());
		return true;
	}

	private void running(RolloutRun run, Instant now, Round round) {
		if (run.settings.endTime() != null && !now.isBefore(run.settings.endTime())) {
			boolean cancel = run.settings.atEnd() == EndBehavior.CANCEL;
			RolloutOutcome outcome = cancel ? RolloutOutcome.CANCELLED
					: (run.hasWork() || run.isContinuous()) ? RolloutOutcome.STOPPED : RolloutOutcome.COMPLETED;
			run.stop(outcome, "reached its end time " + run.settings.endTime()
					+ (cancel ? " (endBehavior CANCEL)" : " (endBehavior STOP_ROLLOUT)"), cancel);
			round.changed(run);
			return;
		}
		if (!windows(run, now, round)) {
			return;
		}
		if (!now.isBefore(run.nextSlotAt)) {
			run.slotPassed(now);
			round.changed(run);
			if (run.isContinuous()) {
				requery(run, now, round);
			}
		}
		if (run.slotOpen) {
			startWaves(run, now, round);
		}
		if (!run.isContinuous() && !run.hasWork() && run.active.isEmpty()) {
			run.stop(RolloutOutcome.COMPLETED, null, false);
			round.changed(run);
		}
	}

	/** Pauses outside the windows and resumes inside; whether waves may start now. */
	private boolean windows(RolloutRun run, Instant now, Round round) {
		if (run.windows.isAlwaysOpen()) {
			return true;
		}
		boolean open = run.windows.isOpen(now);
		if (!open && run.phase == RolloutPhase.RUNNING) {
			run.phase = RolloutPhase.PAUSED;
			run.slotOpen = false;
			Instant resumes = run.windows.nextOpening(now, run.settings.endTime()).orElse(null);
			round.event(run, RolloutEvents.paused(run, resumes, now));
		}
		else if (open && run.phase == RolloutPhase.PAUSED) {
			run.phase = RolloutPhase.RUNNING;
			run.restartPacing(now);
			round.event(run, RolloutEvents.resumed(run, run.windows.closesAt(now), now));
		}
		return open;
	}

	private void requery(RolloutRun run, Instant now, Round round) {
		try {
			List<String> joined = run.addTargets(this.selector.select(run.command.queryCondition()));
			run.lastQueryAt = now;
			if (!joined.isEmpty()) {
				round.event(run, RolloutEvents.joined(run, TargetSelection.CONTINUOUS, joined, now));
			}
		}
		catch (HubCallException ex) {
			log.info("Rollout {}: selecting new targets failed ({}); next slot", run.jobId(), ex.describe());
		}
	}

	private void startWaves(RolloutRun run, Instant now, Round round) {
		if (!this.gate.mayTry()) {
			return;
		}
		Instant due = (run.slotDueAt != null) ? run.slotDueAt : now;
		for (Planned planned : run.plan(now, this.properties.maxWaveSize())) {
			int number = run.waveCount + 1;
			double rate = run.rate;
			Outcome outcome = this.submitter.submit(waveCommand(run, number, planned.deviceIds(), now));
			if (outcome instanceof Outcome.Submitted submitted) {
				Wave wave = run.started(number, planned.attempt(), planned.deviceIds(), planned.from());
				round.event(run, RolloutEvents.waveStarted(run, wave, rate, submitted.job(), now));
				this.gate.accepted();
				this.metrics.waveStarted(wave, due);
			}
			else if (outcome instanceof Outcome.Rejected rejected) {
				if (Submitter.DEFINITION_CONFLICT.equals(rejected.errorCode())) {
					run.needsProbe = true;
					probe(run, now, round);
					return;
				}
				log.warn("Rollout {}: the hub refused wave {}: {}", run.jobId(), number, rejected.reason());
				run.stop(RolloutOutcome.FAILED, "the hub refused wave " + number + ": " + rejected.reason(), true);
				round.changed(run);
				return;
			}
			else if (outcome instanceof Outcome.HubBusy busy) {
				this.gate.busy(busy.label());
				return;
			}
			else if (outcome instanceof Outcome.Transient failure) {
				this.gate.failed(failure.cause().kind());
				run.retryAt = now.plus(this.properties.retryInterval());
				return;
			}
		}
		run.slotOpen = false;
		if (!run.hasWork() && run.rate > 0) {
			run.allowance = Math.min(run.allowance, run.slotWorth());
		}
	}

	/** The hub job of a wave: the rollout's action over {@code deviceId IN [...]}. */
	static ScheduleJob waveCommand(RolloutRun run, int number, List<String> deviceIds, Instant now) {
		ScheduleJob command = run.command;
		return new ScheduleJob(run.waveId(number), command.requestId(), command.jobType(),
				Literals.deviceIdIn(deviceIds), command.directMethod(), command.twinUpdate(), now,
				command.maxExecutionTimeInSeconds(), command.labels(), command.channel(), command.principal(),
				command.acceptedAt());
	}

	/**
	 * Asks the hub for waves after the last known one (created just before a crash, or by
	 * an instance that owned the rollout a moment ago) and adopts them; false while the
	 * hub cannot tell.
	 */
	private boolean probe(RolloutRun run, Instant now, Round round) {
		while (true) {
			int number = run.waveCount + 1;
			HubJob job;
			try {
				job = this.hub.get(run.waveId(number));
			}
			catch (HubCallException ex) {
				if (ex.isTransient()) {
					run.retryAt = now.plus(this.properties.retryInterval());
					return false;
				}
				run.needsProbe = false;
				return true;
			}
			List<String> ids = devicesOf(job);
			RetryBatch from = run.areNextTargets(ids) ? null : run.sourceOf(ids);
			if (from == null && !run.areNextTargets(ids)) {
				log.warn("Rollout {}: wave {} on the hub has devices that are not its next targets; adopted as a "
						+ "first attempt", run.jobId(), number);
			}
			Wave wave = run.started(number, (from != null) ? from.attempt() : 1, ids, from);
			round.event(run, RolloutEvents.waveStarted(run, wave, run.rate, job, now));
			log.info("Rollout {}: adopted wave {} ({} devices) from the hub", run.jobId(), number, ids.size());
		}
	}

	private static List<String> devicesOf(HubJob job) {
		try {
			return (job.definition() != null) ? Literals.deviceIdsOf(job.definition().queryCondition()) : List.of();
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
	}

	/** Cancels, on the hub, the waves that are to be cancelled and were not yet. */
	private void cancelWaves(RolloutRun run, Instant now, Round round) {
		for (Wave wave : run.active.values()) {
			if (!wave.cancelRequested || wave.cancelSent) {
				continue;
			}
			try {
				this.hub.cancel(wave.hubJobId);
				wave.cancelSent = true;
			}
			catch (HubCallException ex) {
				if (ex.isTransient()) {
					run.retryAt = now.plus(this.properties.retryInterval());
					return;
				}
				log.info("Rollout {}: cancelling wave {} refused ({}); it ends by itself", run.jobId(), wave.number,
						ex.describe());
				wave.cancelSent = true;
			}
			round.changed(run);
		}
	}

}
