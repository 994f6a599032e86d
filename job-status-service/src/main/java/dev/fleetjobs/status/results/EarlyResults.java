package dev.fleetjobs.status.results;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.status.hub.HubBudget;
import dev.fleetjobs.status.hub.HubCallException;
import dev.fleetjobs.status.hub.HubOperation;
import dev.fleetjobs.status.hub.SdkPages;
import dev.fleetjobs.status.system.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device records of running jobs, read while they run: each refresh asks the hub only
 * for the final records (completed, failed, cancelled) updated since the previous refresh
 * (less a margin), keeps them, and so leaves little to read when the job ends. A refresh
 * never waits for the query budget (no permit: skipped), never retries, and is dropped
 * whole when it could not read every page. What it gathered is a head start only: the
 * collection at the job's end still checks the records against the job's final statistics
 * and reads them all again when they do not match.
 */
final class EarlyResults {

	private static final Logger log = LoggerFactory.getLogger(EarlyResults.class);

	/** Records updated this long before the newest one seen are read again. */
	static final Duration MARGIN = Duration.ofMillis(250);

	private static final Duration FORGET_AFTER = Duration.ofMinutes(10);

	private final DeviceJobRecords records;

	private final HubBudget budget;

	private final Clock clock;

	private final Duration interval;

	private final Map<String, Gathered> jobs = new ConcurrentHashMap<>();

	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(DaemonThreads.named("device-results-early"));

	EarlyResults(DeviceJobRecords records, HubBudget budget, Clock clock, Duration interval) {
		this.records = records;
		this.budget = budget;
		this.clock = clock;
		this.interval = interval;
	}

	/**
	 * Reads the records that changed since the last refresh of this job, in the
	 * background.
	 */
	void refresh(JobProgress running) {
		Instant now = this.clock.instant();
		this.jobs.values().removeIf((gathered) -> gathered.touched.plus(FORGET_AFTER).isBefore(now));
		Gathered gathered = this.jobs.computeIfAbsent(running.jobId(), (id) -> new Gathered());
		synchronized (gathered) {
			if (!gathered.done.isDone() || gathered.touched.plus(this.interval).isAfter(now)) {
				return;
			}
			gathered.touched = now;
			gathered.done = CompletableFuture.runAsync(() -> read(running, gathered), this.worker);
		}
	}

	/**
	 * Takes what was gathered for the job (after a refresh in progress ends), or null.
	 */
	Gathered take(String jobId) {
		Gathered gathered = this.jobs.remove(jobId);
		if (gathered == null) {
			return null;
		}
		try {
			gathered.done.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			return null;
		}
		return (gathered.since != null) ? gathered : null;
	}

	private void read(JobProgress running, Gathered gathered) {
		OneTry gate = new OneTry(this.budget);
		long started = System.nanoTime();
		try {
			DeviceJobRecords.Finals fresh = this.records.finalsSince(running.jobId(), running.jobType(), gathered.since,
					gate);
			if (gate.cut) {
				return;
			}
			fresh.records().forEach((result) -> gathered.finals.put(result.deviceId(), result));
			Instant since = next(gathered.since, fresh.firstPageNewest(), running);
			log.debug("Job {}: early read of {} final record(s) since {} in {} ms; next from {}", running.jobId(),
					fresh.records().size(), gathered.since, (System.nanoTime() - started) / 1_000_000, since);
			gathered.since = since;
		}
		catch (HubCallException | RuntimeException ex) {
			log.debug("Reading the device records of running job {} early failed: {}", running.jobId(),
					ex.getMessage());
		}
	}

	/**
	 * Where the next read goes on from after a complete one: the margin before the newest
	 * update on its first page (the hub had reached that time before it served any later
	 * page, so a record that changed after its page was served was updated after it), and
	 * never before the previous bound. After a first read with no final record on its
	 * first page, the job's creation time (no device's part of the job ended before).
	 */
	static Instant next(Instant previous, Instant firstPageNewest, JobProgress running) {
		Instant floor = (previous != null) ? previous : created(running).minus(MARGIN);
		if (firstPageNewest == null) {
			return floor;
		}
		Instant since = firstPageNewest.minus(MARGIN);
		return since.isAfter(floor) ? since : floor;
	}

	private static Instant created(JobProgress running) {
		if (running.createdTime() != null) {
			return running.createdTime();
		}
		return (running.startTime() != null) ? running.startTime() : Instant.EPOCH;
	}

	void shutdown() {
		this.worker.shutdownNow();
	}

	/**
	 * What was gathered for one job: its final records by device, and where to go on
	 * from.
	 */
	static final class Gathered {

		final Map<String, DeviceResult> finals = new LinkedHashMap<>();

		/** Read the records updated from here on; null before the first complete read. */
		volatile Instant since;

		Instant touched = Instant.EPOCH;

		CompletableFuture<Void> done = CompletableFuture.completedFuture(null);

	}

	/** Pays for each page only with a permit that is free now; never retries. */
	private static final class OneTry implements SdkPages.Gate {

		private static final HubOperation OPERATION = HubOperation.DEVICE_JOBS_QUERY;

		private final HubBudget budget;

		boolean cut;

		OneTry(HubBudget budget) {
			this.budget = budget;
		}

		@Override
		public boolean beforeNextPage() {
			this.cut |= !this.budget.tryAcquire(OPERATION);
			return !this.cut;
		}

		@Override
		public void pageReceived(boolean paid) {
			if (!paid) {
				this.budget.tryAcquire(OPERATION);
			}
			this.budget.succeeded(OPERATION);
		}

		@Override
		public boolean retry(Exception failure) {
			HubCallException call = (failure instanceof HubCallException hub) ? hub
					: HubCallException.of(OPERATION, failure);
			if (call.kind() == HubCallException.Kind.THROTTLED) {
				this.budget.throttled(OPERATION);
			}
			this.cut = true;
			return false;
		}

	}

}
