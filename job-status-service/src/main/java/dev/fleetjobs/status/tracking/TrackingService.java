package dev.fleetjobs.status.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

import dev.fleetjobs.contracts.lifecycle.JobCancelled;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobRejected;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.status.hub.CallBudget;
import dev.fleetjobs.status.metrics.StatusMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Tracks the jobs of this instance's {@code fleetjobs.lifecycle} partitions: publishes
 * the progress that lifecycle events call for (each handler returns once its event is
 * committed, so the listener commits its offset after that), polls the hub for jobs that
 * reached it, and rebuilds its jobs from {@code fleetjobs.progress} when partitions are
 * assigned.
 */
@Service
class TrackingService implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TrackingService.class);

	private final Tracker tracker = new Tracker();

	private final TrackedJobs jobs;

	private final ProgressEmitter emitter;

	private final JobPoller poller;

	private final PartitionOwnership ownership;

	private final Clock clock;

	private final TrackingProperties properties;

	private volatile boolean running;

	TrackingService(HubJobs hub, CallBudget budget, ProgressPublisher publisher, ResultsCollector results,
			ProgressLog progressLog, StatusMetrics metrics, Clock clock, TrackingProperties properties) {
		this.jobs = new TrackedJobs(properties.finishedMemory());
		this.emitter = new ProgressEmitter(publisher, metrics, clock);
		this.poller = new JobPoller(this.jobs, hub, budget, this.emitter, results, this.tracker, clock, properties);
		this.ownership = new PartitionOwnership(this.jobs, progressLog, clock);
		this.clock = clock;
		this.properties = properties;
		metrics.gauge("fleetjobs.status.tracked.jobs", "Jobs this instance polls", this.jobs,
				(state) -> state.polled());
		metrics.gauge("fleetjobs.status.hub.lag.seconds",
				"The longest time since the hub confirmed a polled job's state", this.jobs,
				(state) -> state.maxStaleness(clock.instant()).toMillis() / 1000.0);
	}

	void onQueued(JobQueued event, int partition) {
		onTracker(() -> {
			this.ownership.ready(partition);
			TrackedJob job = this.jobs.active(event.jobId());
			if (this.jobs.isFinished(event.jobId()) || (job != null && job.last() != null)) {
				return;
			}
			job = this.jobs.create(event.jobId(), partition);
			job.describe(event.requestId(), event.jobType(), event.labels());
			this.emitter.publish(job, ProgressRules.queued(event, now()));
		});
	}

	void onSubmitted(JobSubmitted event, int partition) {
		onTracker(() -> {
			this.ownership.ready(partition);
			if (this.jobs.isFinished(event.jobId())) {
				return;
			}
			TrackedJob job = this.jobs.create(event.jobId(), partition);
			job.describe(event.requestId(), event.jobType(), event.labels());
			if (job.polling || job.collecting) {
				return;
			}
			if (job.last() == null || ProgressRules.rank(job.last().status()) < 1) {
				this.emitter.publish(job, ProgressRules.submitted(event, job.last(), now()));
			}
			job.startPolling(now(), event.submittedAt());
			log.debug("Job {} is on the hub; polling it", event.jobId());
		});
	}

	void onRejected(JobRejected event, int partition) {
		onTracker(() -> {
			this.ownership.ready(partition);
			TrackedJob job = this.jobs.active(event.jobId());
			if (this.jobs.isFinished(event.jobId()) || (job != null && (job.polling || job.collecting))) {
				return;
			}
			job = this.jobs.create(event.jobId(), partition);
			job.describe(event.requestId(), event.jobType(), event.labels());
			this.emitter.publish(job, ProgressRules.rejected(event, job.last(), now()));
			this.jobs.finish(job);
		});
	}

	void onCancelled(JobCancelled event, int partition) {
		onTracker(() -> {
			this.ownership.ready(partition);
			if (this.jobs.isFinished(event.jobId())) {
				return;
			}
			TrackedJob job = this.jobs.active(event.jobId());
			if (event.wasQueued()) {
				if (job == null || job.last() == null || job.polling || job.collecting) {
					log.warn("Job {} was cancelled while queued, but no queued progress is known; ignored",
							event.jobId());
					return;
				}
				this.emitter.publish(job, ProgressRules.cancelledWhileQueued(event, job.last(), now()));
				this.jobs.finish(job);
			}
			else if (job != null && job.polling) {
				job.nextDue = now();
			}
			else if (job == null) {
				this.jobs.create(event.jobId(), partition).startPolling(now(), null);
			}
		});
	}

	/**
	 * Partitions were assigned: their jobs are rebuilt (see {@link PartitionOwnership}).
	 */
	void assigned(Collection<Integer> partitions, int partitionCount) {
		onTracker(() -> this.ownership.assigned(partitions, partitionCount));
	}

	/** Partitions were revoked or lost: their jobs are another instance's now. */
	void revoked(Collection<Integer> partitions) {
		onTracker(() -> this.ownership.revoked(partitions));
	}

	/** The ids of the jobs this instance polls, or collects the results of, now. */
	Set<String> trackedJobIds() {
		return this.tracker.call(() -> Set.copyOf(this.jobs.all()
			.stream()
			.filter((job) -> job.polling || job.collecting)
			.map(TrackedJob::jobId)
			.toList()), this.properties.lifecycleTimeout());
	}

	/** The {@code fleetjobs.lifecycle} partitions this instance owns now. */
	Set<Integer> ownedPartitions() {
		return this.jobs.ownedPartitions();
	}

	private void onTracker(Runnable task) {
		this.tracker.call(() -> {
			task.run();
			return null;
		}, this.properties.lifecycleTimeout());
	}

	private Instant now() {
		return this.clock.instant();
	}

	@Override
	public void start() {
		this.running = true;
		this.tracker.every(this.properties.tick(), this.poller::poll);
	}

	@Override
	public void stop() {
		this.running = false;
		this.tracker.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Starts before the listener containers and stops after them. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

}
