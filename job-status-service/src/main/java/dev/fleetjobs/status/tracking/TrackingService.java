package dev.fleetjobs.status.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.lifecycle.JobCancelled;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobRejected;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.rollout.DevicesJoined;
import dev.fleetjobs.contracts.rollout.RetryScheduled;
import dev.fleetjobs.contracts.rollout.Rollout;
import dev.fleetjobs.contracts.rollout.RolloutAborted;
import dev.fleetjobs.contracts.rollout.RolloutAccepted;
import dev.fleetjobs.contracts.rollout.RolloutEnded;
import dev.fleetjobs.contracts.rollout.RolloutPaused;
import dev.fleetjobs.contracts.rollout.RolloutPhase;
import dev.fleetjobs.contracts.rollout.RolloutResumed;
import dev.fleetjobs.contracts.rollout.WaveCompleted;
import dev.fleetjobs.contracts.rollout.WaveStarted;
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

	private final WavePoller waves;

	private final PartitionOwnership ownership;

	private final StatusMetrics metrics;

	private final Clock clock;

	private final TrackingProperties properties;

	private volatile boolean running;

	TrackingService(HubJobs hub, CallBudget budget, ProgressPublisher publisher, ResultsCollector results,
			ProgressLog progressLog, StatusMetrics metrics, Clock clock, TrackingProperties properties) {
		this.jobs = new TrackedJobs(properties.finishedMemory());
		this.emitter = new ProgressEmitter(publisher, metrics, clock);
		this.poller = new JobPoller(this.jobs, hub, budget, this.emitter, results, this.tracker, clock, properties);
		this.waves = new WavePoller(this.jobs, hub, budget, this.emitter, results, this.tracker, metrics, clock,
				properties);
		this.ownership = new PartitionOwnership(this.jobs, progressLog, clock);
		this.metrics = metrics;
		this.clock = clock;
		this.properties = properties;
		metrics.gauge("fleetjobs.status.tracked.jobs", "Jobs this instance polls", this.jobs,
				(state) -> state.polled());
		metrics.gauge("fleetjobs.status.hub.lag.seconds",
				"The longest time since the hub confirmed a polled job's state", this.jobs,
				(state) -> state.maxStaleness(clock.instant()).toMillis() / 1000.0);
		metrics.gauge("fleetjobs.status.rollout.waves.tracked",
				"Rollout waves this instance polls, or collects the results of", this.waves, (waves) -> waves.polled());
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
			if (job != null && job.isRollout()) {
				return;
			}
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

	void onRolloutAccepted(RolloutAccepted event, int partition) {
		onTracker(() -> {
			this.ownership.ready(partition);
			TrackedJob job = this.jobs.active(event.jobId());
			if (this.jobs.isFinished(event.jobId()) || (job != null && (job.isRollout() || job.last() != null))) {
				return;
			}
			job = this.jobs.create(event.jobId(), partition);
			job.describe(event.requestId(), event.jobType(), event.labels());
			RolloutState state = new RolloutState(event.rollout().selection(), RolloutPhase.WAITING);
			state.ratePerMinute = initialRate(event.rollout());
			job.rollout(state, event.acceptedAt(), event.startTime());
			publishRollout(job);
		});
	}

	void onDevicesJoined(DevicesJoined event, int partition) {
		onRollout(event.jobId(), partition, null, (rollout) -> {
			rollout.totals = event.totals();
			if (rollout.phase == RolloutPhase.WAITING) {
				rollout.phase = RolloutPhase.RUNNING;
			}
			return true;
		});
	}

	void onWaveStarted(WaveStarted event, int partition) {
		onRollout(event.jobId(), partition, event.jobType(), (rollout) -> {
			if (rollout.knows(event.wave())) {
				return false;
			}
			RolloutState.Wave wave = new RolloutState.Wave(event.wave(), event.attempt(), event.hubJobId());
			wave.statistics = new DeviceJobStatistics(event.deviceCount(), 0, 0, 0, event.deviceCount());
			wave.since = now();
			wave.nextDue = now();
			rollout.active.put(event.wave(), wave);
			rollout.totals = event.totals();
			rollout.waveCount = Math.max(rollout.waveCount, event.wave());
			rollout.ratePerMinute = event.ratePerMinute();
			if (rollout.phase == RolloutPhase.WAITING || rollout.phase == RolloutPhase.PAUSED) {
				rollout.phase = RolloutPhase.RUNNING;
				rollout.pausedUntil = null;
			}
			return true;
		});
	}

	void onWaveCompleted(WaveCompleted event, int partition) {
		onRollout(event.jobId(), partition, null, (rollout) -> {
			if (!rollout.active.containsKey(event.wave())) {
				return false;
			}
			rollout.totals = event.totals();
			rollout.complete(event.wave(), event.completedAt());
			return true;
		});
	}

	void onRetryScheduled(RetryScheduled event, int partition) {
		onRollout(event.jobId(), partition, null, (rollout) -> {
			rollout.totals = event.totals();
			return true;
		});
	}

	void onRolloutAborted(RolloutAborted event, int partition) {
		onRollout(event.jobId(), partition, null, (rollout) -> {
			if (rollout.phase == RolloutPhase.STOPPING) {
				return false;
			}
			rollout.totals = event.totals();
			rollout.phase = RolloutPhase.STOPPING;
			rollout.pausedUntil = null;
			rollout.endReason = "ABORTED: " + event.reason();
			return true;
		});
	}

	void onRolloutPaused(RolloutPaused event, int partition) {
		onRollout(event.jobId(), partition, null, (rollout) -> {
			if (rollout.phase == RolloutPhase.STOPPING) {
				return false;
			}
			rollout.phase = RolloutPhase.PAUSED;
			rollout.pausedUntil = event.resumesAt();
			return true;
		});
	}

	void onRolloutResumed(RolloutResumed event, int partition) {
		onRollout(event.jobId(), partition, null, (rollout) -> {
			if (rollout.phase != RolloutPhase.PAUSED) {
				return false;
			}
			rollout.phase = RolloutPhase.RUNNING;
			rollout.pausedUntil = null;
			return true;
		});
	}

	/**
	 * The rollout is over and every wave's results are published: its final progress.
	 */
	void onRolloutEnded(RolloutEnded event, int partition) {
		onTracker(() -> {
			this.ownership.ready(partition);
			if (this.jobs.isFinished(event.jobId())) {
				return;
			}
			TrackedJob job = rolloutJob(event.jobId(), partition, null);
			JobProgress done = RolloutRules.ended(job, event, now());
			this.emitter.publish(job, done);
			this.jobs.finish(job);
			if (job.startTime() != null && job.jobType() != null) {
				this.metrics.jobDuration(job.jobType().name(), done.status().name(),
						Duration.between(job.startTime(), event.endedAt()));
			}
			log.info("Rollout {} {} after {} wave(s): {} device result(s)", event.jobId(), event.outcome(),
					event.waveCount(), done.deviceResultCount());
		});
	}

	/**
	 * Applies a rollout event to the rollout's state and publishes its progress when the
	 * change says so (false: a redelivered event, nothing to publish).
	 */
	private void onRollout(String jobId, int partition, JobType jobType, Predicate<RolloutState> change) {
		onTracker(() -> {
			this.ownership.ready(partition);
			if (this.jobs.isFinished(jobId)) {
				return;
			}
			TrackedJob job = rolloutJob(jobId, partition, jobType);
			if (change.test(job.rollout())) {
				publishRollout(job);
			}
		});
	}

	/**
	 * The rollout's tracked job; one whose acceptance this instance never saw (it was
	 * published before any progress) starts from the event.
	 */
	private TrackedJob rolloutJob(String jobId, int partition, JobType jobType) {
		TrackedJob job = this.jobs.create(jobId, partition);
		job.describe(null, jobType, null);
		if (!job.isRollout()) {
			log.warn("Rollout {}: an event without its RolloutAccepted progress; tracking it from here", jobId);
			job.rollout(new RolloutState(null, RolloutPhase.RUNNING), null, null);
		}
		return job;
	}

	/**
	 * Publishes the rollout's progress; when that fails the rollout stays dirty (the next
	 * tick publishes it) and the event is retried.
	 */
	private void publishRollout(TrackedJob job) {
		job.rolloutDirty = true;
		this.emitter.publish(job, RolloutRules.progress(job, now()));
		job.rolloutDirty = false;
	}

	private static double initialRate(Rollout rollout) {
		if (rollout.maxDevicesPerMinute() != null) {
			return rollout.maxDevicesPerMinute();
		}
		if (rollout.exponential() != null && rollout.exponential().baseRatePerMinute() != null) {
			return rollout.exponential().baseRatePerMinute();
		}
		return 0;
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
			.filter((job) -> job.polling || job.collecting || job.isRollout())
			.map(TrackedJob::jobId)
			.toList()), this.properties.lifecycleTimeout());
	}

	/** One poll cycle now, as a tick runs it (and any collection it finished). */
	void pollNow() {
		onTracker(() -> {
			this.poller.poll();
			this.waves.poll();
		});
		onTracker(() -> {
		});
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
		this.tracker.every(this.properties.tick(), () -> {
			this.poller.poll();
			this.waves.poll();
		});
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
