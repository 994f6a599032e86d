package dev.fleetjobs.status.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.status.hub.CallBudget;
import dev.fleetjobs.status.hub.HubCallException;
import dev.fleetjobs.status.hub.HubOperation;
import dev.fleetjobs.status.metrics.StatusMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll cycle over the rollouts' waves: a GET of each wave's hub job whose poll is due
 * (with a permit from the budget); rollouts whose waves changed publish one progress
 * event each, in one transaction; a wave whose hub job ended has its device records read
 * on the results worker and published here, as the rollout's results, in one transaction
 * with the rollout's progress marking the wave's results complete. Everything is
 * published by the tracker thread, so a rollout's sequences stay in order. Runs on the
 * tracker thread.
 */
final class WavePoller extends HubPoller {

	private static final Logger log = LoggerFactory.getLogger(WavePoller.class);

	private final StatusMetrics metrics;

	WavePoller(TrackedJobs jobs, HubJobs hub, CallBudget budget, ProgressEmitter emitter, ResultsCollector results,
			Executor tracker, StatusMetrics metrics, Clock clock, TrackingProperties properties) {
		super(jobs, hub, budget, emitter, results, tracker, clock, properties);
		this.metrics = metrics;
	}

	void poll() {
		Instant now = this.clock.instant();
		boolean permitted = true;
		for (TrackedJob job : this.jobs.all()) {
			RolloutState rollout = job.rollout();
			if (rollout == null) {
				continue;
			}
			for (RolloutState.Wave wave : rollout.due(now)) {
				if (!permitted || !this.budget.tryAcquire(HubOperation.JOBS_GET)) {
					permitted = false;
					break;
				}
				try {
					HubJobState state = this.hub.get(wave.hubJobId);
					this.budget.succeeded(HubOperation.JOBS_GET);
					if (observed(wave, state)) {
						job.rolloutDirty = true;
					}
				}
				catch (HubCallException ex) {
					if (ex.kind() == HubCallException.Kind.THROTTLED) {
						this.budget.throttled(ex.operation());
						permitted = false;
						break;
					}
					log.debug("Polling wave {} of rollout {} failed: {}", wave.hubJobId, job.jobId(), ex.getMessage());
				}
				if (wave.since == null) {
					wave.since = now;
				}
				// an ended wave's results are read at once; a running one is polled again
				// later
				wave.nextDue = wave.ended() ? now : this.cadence.next(now, wave.since, null);
			}
		}
		publishChanged(now);
		for (TrackedJob job : this.jobs.all()) {
			if (job.rollout() != null) {
				job.rollout().awaitingResults(now).forEach((wave) -> collect(job, wave));
			}
		}
	}

	/**
	 * Publishes the progress of every rollout whose state changed, in one transaction.
	 */
	void publishChanged(Instant now) {
		Map<TrackedJob, JobProgress> events = new LinkedHashMap<>();
		for (TrackedJob job : this.jobs.all()) {
			if (job.rolloutDirty && job.rollout() != null) {
				events.put(job, RolloutRules.progress(job, now));
			}
		}
		try {
			this.emitter.publish(events);
			events.keySet().forEach((job) -> job.rolloutDirty = false);
		}
		catch (PublishFailedException ex) {
			log.warn("Could not publish the progress of {} rollout(s); retrying at the next tick: {}", events.size(),
					ex.getMessage());
		}
	}

	/** Applies the hub's answer to the wave; true when something changed. */
	private static boolean observed(RolloutState.Wave wave, HubJobState state) {
		if (ProgressRules.rank(state.status()) < ProgressRules.rank(wave.status)) {
			return false;
		}
		DeviceJobStatistics statistics = (state.statistics() != null) ? state.statistics() : wave.statistics;
		boolean changed = state.status() != wave.status || !statistics.equals(wave.statistics)
				|| !Objects.equals(state.endTime(), wave.endTime)
				|| (state.startTime() != null && !state.startTime().equals(wave.startTime));
		wave.status = state.status();
		wave.statistics = statistics;
		if (state.startTime() != null) {
			wave.startTime = state.startTime();
		}
		wave.endTime = state.endTime();
		return changed;
	}

	/** The wave's hub job ended: read its device records, then publish them here. */
	private void collect(TrackedJob job, RolloutState.Wave wave) {
		wave.collecting = true;
		this.results
			.read(wave.hubJobId, job.jobType(), wave.statistics, (reading) -> this.jobs.whileOwned(job, reading))
			.whenComplete((records, failure) -> this.tracker.execute(() -> collected(job, wave, records, failure)));
	}

	private void collected(TrackedJob job, RolloutState.Wave wave, List<DeviceResult> records, Throwable failure) {
		if (failure == null) {
			List<DeviceResult> results = records.stream()
				.map((record) -> record.ofWave(job.jobId(), wave.wave, wave.attempt))
				.toList();
			if (publish(job, wave, results)) {
				if (wave.endTime != null) {
					this.metrics.publishLag("wave", Duration.between(wave.endTime, this.clock.instant()));
				}
				log.info("Rollout {} wave {} (attempt {}, {}): {} device result(s) published", job.jobId(), wave.wave,
						wave.attempt, wave.status, results.size());
				return;
			}
		}
		else {
			log.warn("Reading the device records of wave {} of rollout {} failed ({}); trying again in {}",
					wave.hubJobId, job.jobId(), failure.getMessage(), RECOLLECT_DELAY);
		}
		wave.collecting = false;
		wave.nextDue = this.clock.instant().plus(RECOLLECT_DELAY);
	}

	/** The results and the progress marking them, in one transaction, while owned. */
	private boolean publish(TrackedJob job, RolloutState.Wave wave, List<DeviceResult> results) {
		RolloutState rollout = job.rollout();
		if (!this.jobs.owns(job)) {
			return false;
		}
		wave.resultsComplete = true;
		wave.resultCount = results.size();
		rollout.resultCount += results.size();
		JobProgress progress = RolloutRules.progress(job, this.clock.instant());
		try {
			boolean owned = this.jobs.whileOwned(job, () -> this.results.publishWave(results, progress));
			if (owned) {
				job.published(progress);
				job.rolloutDirty = false;
				wave.collecting = false;
				return true;
			}
		}
		catch (RuntimeException ex) {
			log.warn("Publishing the results of wave {} of rollout {} failed: {}", wave.hubJobId, job.jobId(),
					ex.getMessage());
		}
		wave.resultsComplete = false;
		wave.resultCount = 0;
		rollout.resultCount -= results.size();
		return false;
	}

	/** Waves polled now, over every rollout. */
	long polled() {
		return this.jobs.all()
			.stream()
			.filter((job) -> job.rollout() != null)
			.mapToLong((job) -> job.rollout().active.values().stream().filter((wave) -> !wave.resultsComplete).count())
			.sum();
	}

}
