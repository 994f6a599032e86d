package dev.fleetjobs.emulator.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.emulator.twins.TwinService;
import dev.fleetjobs.query.Query;

/**
 * Starts jobs: at their start time (at once when it has passed) it evaluates the query
 * condition over the twins, sorts the selected devices, arms the deadline
 * ({@code maxExecutionTimeInSeconds}) and hands the job to the {@link DeviceDispatcher}.
 * Runs on the jobs thread, never on an event loop.
 */
final class JobRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	private final JobStore store;

	private final TwinService twins;

	private final ScheduledExecutorService executor;

	private final Clock clock;

	private final DeviceOutcomes outcomes;

	private final DeviceDispatcher dispatcher;

	JobRunner(JobStore store, TwinService twins, ScheduledExecutorService executor, Clock clock,
			DeviceOutcomes outcomes, DeviceDispatcher dispatcher) {
		this.store = store;
		this.twins = twins;
		this.executor = executor;
		this.clock = clock;
		this.outcomes = outcomes;
		this.dispatcher = dispatcher;
	}

	/** Starts a queued or scheduled job now, or schedules its start. */
	void schedule(JobRun job) {
		Instant start = job.definition().startTime();
		long delay = (start == null) ? 0 : Duration.between(this.clock.instant(), start).toMillis();
		synchronized (job) {
			if (delay > 0 && job.status == JobStatus.QUEUED) {
				job.status = JobStatus.SCHEDULED;
				this.store.write(job);
			}
			job.startTimer = this.executor.schedule(() -> start(job), Math.max(delay, 0), TimeUnit.MILLISECONDS);
		}
	}

	/** Continues a job that was running when the emulator stopped. */
	void resume(JobRun job) {
		armDeadline(job);
		this.dispatcher.requestPump(job);
	}

	private void start(JobRun job) {
		if (job.status != JobStatus.QUEUED && job.status != JobStatus.SCHEDULED) {
			return;
		}
		String[] ids;
		long evaluating = System.nanoTime();
		try {
			ids = this.twins.matchingIds(Query.parseCondition(job.definition().queryCondition()))
				.toArray(String[]::new);
		}
		catch (RuntimeException ex) {
			log.warn("Job {} failed: its query condition could not be evaluated: {}", job.jobId(), ex.toString());
			fail(job, "The query condition could not be evaluated: " + ex.getMessage());
			return;
		}
		synchronized (job) {
			if (job.status != JobStatus.QUEUED && job.status != JobStatus.SCHEDULED) {
				return;
			}
			job.devices(ids);
			job.status = JobStatus.RUNNING;
			job.startedTime = this.clock.instant();
			this.store.writeDevices(job);
			this.store.write(job);
			if (ids.length == 0) {
				this.outcomes.finish(job, JobStatus.COMPLETED);
				return;
			}
		}
		if (log.isDebugEnabled()) {
			log.debug("Job {} started on {} devices, {} ms after it was created (its query took {} ms)", job.jobId(),
					ids.length, Duration.between(job.createdTime(), job.startedTime).toMillis(),
					(System.nanoTime() - evaluating) / 1_000_000);
		}
		armDeadline(job);
		this.dispatcher.pump(job);
	}

	private void armDeadline(JobRun job) {
		long max = job.definition().maxExecutionTimeInSeconds();
		if (max > 0) {
			Instant deadline = job.startedTime().plusSeconds(max);
			long delay = Math.max(0, Duration.between(this.clock.instant(), deadline).toMillis());
			synchronized (job) {
				job.deadlineTimer = this.executor.schedule(() -> this.outcomes.expire(job), delay,
						TimeUnit.MILLISECONDS);
			}
		}
	}

	private void fail(JobRun job, String reason) {
		synchronized (job) {
			job.failureReason = reason;
			this.outcomes.finish(job, JobStatus.FAILED);
		}
	}

}
