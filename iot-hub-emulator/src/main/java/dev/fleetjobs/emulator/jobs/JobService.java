package dev.fleetjobs.emulator.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.methods.MethodService;
import dev.fleetjobs.emulator.store.Store;
import dev.fleetjobs.emulator.throttling.Quotas;
import dev.fleetjobs.emulator.twins.TwinService;
import io.netty.util.concurrent.DefaultThreadFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scheduled jobs, protocol-free: create, get, cancel and list jobs, and the device job
 * records that {@code devices.jobs} queries read. Jobs run on their own thread (never an
 * event loop), survive restarts in a data-directory store, and are purged a retention
 * time after they finish.
 */
public final class JobService implements AutoCloseable {

	private final ConcurrentSkipListMap<String, JobRun> jobs = new ConcurrentSkipListMap<>();

	/**
	 * The jobs not known to have finished: a superset of the active ones (a job leaves it
	 * lazily, on the next count after it finished), so that a create or the running-job
	 * flush costs the active jobs, not every retained one.
	 */
	private final Set<JobRun> unfinished = ConcurrentHashMap.newKeySet();

	private final JobStore store;

	private final Quotas quotas;

	private final JobsProperties properties;

	private final Clock clock;

	private final ScheduledExecutorService executor;

	private final JobRunner runner;

	private final DeviceOutcomes outcomes;

	private final DeviceDispatcher dispatcher;

	public JobService(Store store, TwinService twins, MethodService methods, Quotas quotas, JobsProperties properties,
			Clock clock) {
		this.store = new JobStore(store);
		this.quotas = quotas;
		this.properties = properties;
		this.clock = clock;
		this.executor = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("emulator-jobs", true));
		this.outcomes = new DeviceOutcomes(this.store, clock);
		this.dispatcher = new DeviceDispatcher(this.store, twins, methods, quotas, this.executor, clock, this.outcomes,
				properties.maxInFlight());
		this.runner = new JobRunner(this.store, twins, this.executor, clock, this.outcomes, this.dispatcher);
		JobRecovery.recover(this.store, this.outcomes, this.runner, this.jobs);
		this.jobs.values().stream().filter((job) -> job.status.isActive()).forEach(this.unfinished::add);
		long purgeEvery = Math.max(1000,
				Math.min(Duration.ofHours(1).toMillis(), properties.retention().toMillis() / 4));
		this.executor.scheduleWithFixedDelay(this::purge, 0, purgeEvery, TimeUnit.MILLISECONDS);
		this.executor.scheduleWithFixedDelay(() -> this.dispatcher.saveRunning(this.unfinished), 200, 200,
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Creates a job: the hub's 400 for invalid fields, 409 for a jobId in use, 429 when
	 * the tier's concurrent jobs are all taken. The job is {@code queued} at first.
	 */
	public JobView create(JobDefinition definition) {
		JobRules.check(definition);
		Instant now = this.clock.instant();
		JobDefinition normalized = (definition.startTime() == null) ? definition.startingAt(now) : definition;
		JobRun job = new JobRun(normalized, now, JobStatus.QUEUED, this.store.changes());
		JobView created;
		synchronized (this) {
			if (this.jobs.containsKey(definition.jobId())) {
				throw IotHubErrors.jobAlreadyExists(definition.jobId());
			}
			int max = this.quotas.maxConcurrentJobs();
			int active = activeCount();
			if (active >= max) {
				throw IotHubErrors.tooManyActiveJobs("The " + this.quotas.profile() + " tier runs at most " + max
						+ " jobs at once (queued, scheduled or running); " + active + " are active.");
			}
			this.jobs.put(job.jobId(), job);
			this.unfinished.add(job);
			this.store.write(job);
			created = job.view();
		}
		this.runner.schedule(job);
		return created;
	}

	/** A job, or the hub's 404. */
	public JobView get(String jobId) {
		return require(jobId).view();
	}

	/**
	 * Cancels a job that has not finished: devices not reached end {@code cancelled}; a
	 * finished job is the hub's 400 OperationNotAllowedInCurrentState.
	 */
	public JobView cancel(String jobId) {
		JobRun job = require(jobId);
		this.outcomes.cancel(job);
		return job.view();
	}

	/** Jobs in creation order, optionally of one type and some statuses. */
	public List<JobView> list(JobType type, String status) {
		List<JobStatus> statuses = null;
		if (status != null) {
			JobStatus[] named = JobStatus.fromFilter(status);
			if (named == null) {
				throw IotHubErrors.argumentInvalid("jobStatus '" + status + "' is not a job status; use queued, "
						+ "scheduled, running, completed, failed or cancelled.");
			}
			statuses = Arrays.asList(named);
		}
		List<JobView> views = new ArrayList<>();
		for (JobRun job : this.jobs.values()) {
			JobView view = job.view();
			if ((type == null || view.definition().type() == type)
					&& (statuses == null || statuses.contains(view.status()))) {
				views.add(view);
			}
		}
		views.sort(Comparator.comparing(JobView::createdTime).thenComparing(JobView::jobId));
		return views;
	}

	/** Every started job's device records, by job id then device id. */
	public Iterable<ObjectNode> deviceRecords() {
		List<ObjectNode> documents = new ArrayList<>();
		for (JobRun job : this.jobs.values()) {
			documents.addAll(job.recordDocuments(this.properties.deviceRecords()));
		}
		return documents;
	}

	/**
	 * The device records of one job (none for an unknown job): what a query that pins
	 * {@code devices.jobs.jobId} can match, without building every other job's records.
	 */
	public Iterable<ObjectNode> deviceRecords(String jobId) {
		JobRun job = this.jobs.get(jobId);
		return (job != null) ? job.recordDocuments(this.properties.deviceRecords()) : List.of();
	}

	/**
	 * A number that changes whenever {@link #deviceRecords()} would return something
	 * else, so that a cached query result stays valid while it is unchanged.
	 */
	public long deviceRecordsVersion() {
		return this.store.changes().get();
	}

	/** Jobs queued, scheduled or running now. */
	public int activeCount() {
		this.unfinished.removeIf((job) -> job.status.isTerminal());
		return this.unfinished.size();
	}

	private JobRun require(String jobId) {
		JobRun job = this.jobs.get(jobId);
		if (job == null) {
			throw IotHubErrors.jobNotFound(jobId);
		}
		return job;
	}

	private void purge() {
		Instant cutoff = this.clock.instant().minus(this.properties.retention());
		for (JobRun job : this.jobs.values()) {
			if (job.status.isTerminal() && job.endTime != null && job.endTime.isBefore(cutoff)) {
				this.jobs.remove(job.jobId());
				this.store.delete(job.jobId());
			}
		}
	}

	/** Stops running jobs where they are; a restart on the same store resumes them. */
	@Override
	public void close() {
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.dispatcher.saveRunning(this.unfinished);
	}

}
