package dev.fleetjobs.status.tracking;

import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.JobProgress;

/**
 * What this instance knows of a job it owns. Touched only by the tracker thread.
 */
final class TrackedJob {

	private final String jobId;

	private final int partition;

	private String requestId;

	private JobType jobType;

	private Map<String, String> labels;

	private Instant submittedAt;

	private JobProgress last;

	boolean polling;

	boolean collecting;

	Instant trackedSince;

	Instant nextDue;

	Instant lastObserved;

	int notFound;

	boolean firstProgressRecorded;

	private RolloutState rollout;

	private Instant createdTime;

	private Instant startTime;

	/** A rollout whose state changed since its latest published progress. */
	boolean rolloutDirty;

	TrackedJob(String jobId, int partition) {
		this.jobId = jobId;
		this.partition = partition;
		this.labels = Map.of();
	}

	/** A job known from its latest progress event (after a restart or a rebalance). */
	static TrackedJob from(JobProgress progress, int partition) {
		TrackedJob job = new TrackedJob(progress.jobId(), partition);
		job.describe(progress.requestId(), progress.jobType(), progress.labels());
		job.last = progress;
		job.firstProgressRecorded = true;
		if (progress.rollout() != null) {
			job.rollout = RolloutState.from(progress.rollout(), progress.deviceResultCount());
			job.createdTime = progress.createdTime();
			job.startTime = progress.startTime();
		}
		return job;
	}

	void describe(String requestId, JobType jobType, Map<String, String> labels) {
		if (requestId != null) {
			this.requestId = requestId;
		}
		if (jobType != null) {
			this.jobType = jobType;
		}
		if (labels != null && !labels.isEmpty()) {
			this.labels = labels;
		}
	}

	void published(JobProgress progress) {
		this.last = progress;
		describe(null, progress.jobType(), null);
	}

	/** The job is a rollout: its waves are polled, not the job itself. */
	void rollout(RolloutState state, Instant createdTime, Instant startTime) {
		this.rollout = state;
		this.createdTime = createdTime;
		this.startTime = startTime;
	}

	/** The rollout's state, or null for a job without a rollout. */
	RolloutState rollout() {
		return this.rollout;
	}

	boolean isRollout() {
		return this.rollout != null;
	}

	Instant createdTime() {
		return this.createdTime;
	}

	Instant startTime() {
		return this.startTime;
	}

	/** Polled from now on. */
	void startPolling(Instant now, Instant submittedAt) {
		this.polling = true;
		this.trackedSince = now;
		this.nextDue = now;
		this.lastObserved = now;
		if (submittedAt != null) {
			this.submittedAt = submittedAt;
		}
	}

	/** The time the cadence measures the job's age from. */
	Instant ageReference() {
		if (this.last != null && this.last.startTime() != null && this.last.status() != null
				&& ProgressRules.rank(this.last.status()) >= 2) {
			return this.last.startTime();
		}
		return this.trackedSince;
	}

	String jobId() {
		return this.jobId;
	}

	int partition() {
		return this.partition;
	}

	String requestId() {
		return this.requestId;
	}

	JobType jobType() {
		return this.jobType;
	}

	Map<String, String> labels() {
		return this.labels;
	}

	Instant submittedAt() {
		return this.submittedAt;
	}

	JobProgress last() {
		return this.last;
	}

}
