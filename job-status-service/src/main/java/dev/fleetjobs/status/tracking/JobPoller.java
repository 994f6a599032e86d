package dev.fleetjobs.status.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.status.hub.CallBudget;
import dev.fleetjobs.status.hub.HubCallException;
import dev.fleetjobs.status.hub.HubOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll cycle over the jobs that are due: one job-list call when enough due jobs are
 * running (it refreshes every running job at once), a GET for each other due job, each
 * call only with a permit from the budget. Changed jobs publish one progress event each,
 * in one transaction; an ended job stops being polled and its device results are
 * collected. Runs on the tracker thread.
 */
final class JobPoller extends HubPoller {

	private static final Logger log = LoggerFactory.getLogger(JobPoller.class);

	private final TrackingProperties properties;

	JobPoller(TrackedJobs jobs, HubJobs hub, CallBudget budget, ProgressEmitter emitter, ResultsCollector results,
			Executor tracker, Clock clock, TrackingProperties properties) {
		super(jobs, hub, budget, emitter, results, tracker, clock, properties);
		this.properties = properties;
	}

	void poll() {
		Instant now = this.clock.instant();
		for (TrackedJob job : this.jobs.all()) {
			if (awaitsResults(job) && !job.nextDue.isAfter(now)) {
				collect(job);
			}
		}
		List<TrackedJob> due = this.jobs.due(now);
		if (due.isEmpty()) {
			return;
		}
		Map<String, HubJobState> seen = new LinkedHashMap<>();
		long runningDue = due.stream()
			.filter((job) -> job.last() != null && job.last().status() == JobStatus.RUNNING)
			.count();
		if (runningDue >= this.properties.listThreshold()) {
			if (!call(HubOperation.JOBS_QUERY, () -> this.hub.running().forEach((s) -> seen.put(s.jobId(), s)))) {
				return;
			}
		}
		Map<TrackedJob, JobProgress> events = new LinkedHashMap<>();
		for (TrackedJob job : due) {
			if (seen.containsKey(job.jobId())) {
				continue;
			}
			try {
				if (!this.budget.tryAcquire(HubOperation.JOBS_GET)) {
					break;
				}
				seen.put(job.jobId(), this.hub.get(job.jobId()));
				this.budget.succeeded(HubOperation.JOBS_GET);
				job.notFound = 0;
			}
			catch (HubCallException ex) {
				if (!failed(ex)) {
					break;
				}
				job.nextDue = this.cadence.next(now, job.ageReference(), null);
				if (ex.kind() == HubCallException.Kind.NOT_FOUND && ++job.notFound >= this.properties.notFoundLimit()
						&& job.last() != null) {
					events.put(job, ProgressRules.lost(job, now));
				}
			}
		}
		for (TrackedJob job : this.jobs.all()) {
			HubJobState state = seen.get(job.jobId());
			if (state != null && job.polling && !job.collecting) {
				job.lastObserved = now;
				ProgressRules.observed(job, state, now).ifPresent((progress) -> events.put(job, progress));
				job.nextDue = this.cadence.next(now, job.ageReference(),
						(state.status() == JobStatus.SCHEDULED) ? state.startTime() : null);
			}
		}
		publish(events, now);
	}

	private void publish(Map<TrackedJob, JobProgress> events, Instant now) {
		try {
			this.emitter.publish(events);
		}
		catch (PublishFailedException ex) {
			log.warn("Could not publish {} progress event(s); retrying at the next tick: {}", events.size(),
					ex.getMessage());
			events.keySet().forEach((job) -> job.nextDue = now);
			return;
		}
		events.forEach((job, progress) -> {
			if (ProgressRules.rank(progress.status()) == 3) {
				collect(job);
			}
			else if (progress.status() == JobStatus.RUNNING) {
				this.results.running(progress);
			}
		});
	}

	/**
	 * An ended job whose device results are not published yet, and not being collected.
	 */
	static boolean awaitsResults(TrackedJob job) {
		return !job.collecting && job.last() != null && ProgressRules.rank(job.last().status()) == 3
				&& !job.last().resultsComplete();
	}

	/** The job ended: stop polling it and collect its device results. */
	void collect(TrackedJob job) {
		job.collecting = true;
		this.results.collect(job.last(), (publishing) -> this.jobs.whileOwned(job, publishing))
			.whenComplete((done, failure) -> this.tracker.execute(() -> collected(job, done, failure)));
	}

	private void collected(TrackedJob job, JobProgress done, Throwable failure) {
		if (failure == null) {
			job.published(done);
			this.jobs.finish(job);
		}
		else if (this.jobs.owns(job)) {
			log.warn("Collecting the device results of job {} failed ({}); trying again in {}", job.jobId(),
					failure.getMessage(), RECOLLECT_DELAY);
			job.collecting = false;
			job.nextDue = this.clock.instant().plus(RECOLLECT_DELAY);
		}
	}

	/** Makes a budgeted call; false when there was no permit or the call failed. */
	private boolean call(HubOperation operation, HubCall call) {
		if (!this.budget.tryAcquire(operation)) {
			return false;
		}
		try {
			call.run();
			this.budget.succeeded(operation);
			return true;
		}
		catch (HubCallException ex) {
			failed(ex);
			return false;
		}
	}

	/** Handles a failed call; false when polling must stop for this cycle (throttled). */
	private boolean failed(HubCallException ex) {
		if (ex.kind() == HubCallException.Kind.THROTTLED) {
			this.budget.throttled(ex.operation());
			return false;
		}
		log.debug("IoT Hub call failed: {}", ex.getMessage());
		return true;
	}

	@FunctionalInterface
	private interface HubCall {

		void run() throws HubCallException;

	}

}
