package dev.fleetjobs.status.tracking;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

import dev.fleetjobs.status.hub.CallBudget;

/**
 * What the tracker's pollers ({@link JobPoller} for plain jobs, {@link WavePoller} for
 * rollout waves) share: the tracked jobs, the hub and its call budget, the cadence, the
 * progress emitter, the results worker, the tracker thread and the clock.
 */
abstract class HubPoller {

	/** The wait before device records that could not be read are tried again. */
	static final Duration RECOLLECT_DELAY = Duration.ofSeconds(5);

	final TrackedJobs jobs;

	final HubJobs hub;

	final CallBudget budget;

	final Cadence cadence;

	final ProgressEmitter emitter;

	final ResultsCollector results;

	final Executor tracker;

	final Clock clock;

	HubPoller(TrackedJobs jobs, HubJobs hub, CallBudget budget, ProgressEmitter emitter, ResultsCollector results,
			Executor tracker, Clock clock, TrackingProperties properties) {
		this.jobs = jobs;
		this.hub = hub;
		this.budget = budget;
		this.cadence = new Cadence(properties.cadence(), properties.scheduledInterval());
		this.emitter = emitter;
		this.results = results;
		this.tracker = tracker;
		this.clock = clock;
	}

}
