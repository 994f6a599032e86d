package dev.fleetjobs.status.results;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.status.hub.HubBudget;
import dev.fleetjobs.status.hub.HubCallException;
import dev.fleetjobs.status.metrics.StatusMetrics;
import dev.fleetjobs.status.tracking.ResultsCollector;
import dev.fleetjobs.status.system.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Collects the device results of jobs that ended, one job at a time on its own worker
 * thread: pages through {@code devices.jobs} within the query budget (waiting for permits
 * and backing off on 429), waits until the records match the job's final statistics (or
 * the settle timeout passes), then publishes every result and the final progress event in
 * one transaction, while this instance still owns the job.
 */
@Service
class DeviceResultsService implements ResultsCollector, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeviceResultsService.class);

	private final DeviceJobRecords records;

	private final ResultsPublisher publisher;

	private final QueryGate gate;

	private final StatusMetrics metrics;

	private final Clock clock;

	private final ResultsProperties properties;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("device-results"));

	private final EarlyResults early;

	DeviceResultsService(DeviceJobRecords records, ResultsPublisher publisher, HubBudget budget, StatusMetrics metrics,
			Clock clock, ResultsProperties properties) {
		this.records = records;
		this.publisher = publisher;
		this.gate = new QueryGate(budget, metrics, properties.retryInterval());
		this.metrics = metrics;
		this.clock = clock;
		this.properties = properties;
		this.early = properties.earlyReads() ? new EarlyResults(records, budget, clock, properties.earlyReadInterval())
				: null;
	}

	@Override
	public void running(JobProgress progress) {
		if (this.early != null && progress.statistics().deviceCount() <= this.properties.earlyReadMaxDevices()) {
			this.early.refresh(progress);
		}
	}

	@Override
	public CompletableFuture<JobProgress> collect(JobProgress terminal, Ownership ownership) {
		return CompletableFuture.supplyAsync(() -> collectNow(terminal, ownership), this.worker);
	}

	@Override
	public CompletableFuture<List<DeviceResult>> read(String hubJobId, JobType jobType, DeviceJobStatistics statistics,
			Ownership ownership) {
		return CompletableFuture.supplyAsync(() -> settled(hubJobId, jobType, statistics, ownership), this.worker);
	}

	@Override
	public void publishWave(List<DeviceResult> results, JobProgress progress) {
		this.publisher.publish(results, progress);
		String type = (progress.jobType() != null) ? progress.jobType().name() : null;
		countByStatus(results).forEach((status, count) -> this.metrics.deviceOutcomes(type, status.name(), count));
	}

	private JobProgress collectNow(JobProgress terminal, Ownership ownership) {
		long started = System.nanoTime();
		List<DeviceResult> results = fromEarlyReads(terminal);
		if (results == null) {
			return streamed(terminal, ownership);
		}
		JobProgress done = done(terminal, results.size(), this.clock.instant());
		long fetched = System.nanoTime();
		if (!ownership.whileOwned(() -> this.publisher.publish(results, done))) {
			throw new CancellationException("job " + terminal.jobId() + " is no longer owned");
		}
		record(terminal, countByStatus(results), "fetched in " + (fetched - started) / 1_000_000 + " ms, published in "
				+ (System.nanoTime() - fetched) / 1_000_000 + " ms");
		return done;
	}

	/**
	 * Streams the job's device records from the hub into one transaction, page by page,
	 * while the job is owned: committed with the final event once they match its
	 * statistics (or as they are when the settle timeout passes), aborted and read again
	 * if not. One page is in memory at a time, whatever the job's size.
	 */
	private JobProgress streamed(JobProgress terminal, Ownership ownership) {
		long started = System.nanoTime();
		Instant settleBy = this.clock.instant().plus(this.properties.settleTimeout());
		while (true) {
			boolean lastTry = this.clock.instant().isAfter(settleBy);
			ResultTally tally = new ResultTally(this.properties.pageSize());
			AtomicReference<JobProgress> published = new AtomicReference<>();
			AtomicReference<HubCallException> failed = new AtomicReference<>();
			boolean owned = ownership.whileOwned(() -> {
				try {
					published.set(this.publisher.publishStreamed((sink) -> this.records.forEach(terminal.jobId(),
							terminal.jobType(), this.gate, (result) -> {
								if (tally.add(result)) {
									sink.accept(result);
								}
							}), () -> (tally.settled(terminal.statistics()) || lastTry)
									? done(terminal, tally.count(), this.clock.instant()) : null));
				}
				catch (HubCallException ex) {
					failed.set(ex);
				}
			});
			if (!owned) {
				throw new CancellationException("job " + terminal.jobId() + " is no longer owned");
			}
			if (published.get() != null) {
				record(terminal, tally.byStatus(),
						"streamed from the hub in " + (System.nanoTime() - started) / 1_000_000 + " ms");
				return published.get();
			}
			if (failed.get() != null) {
				log.warn("Job {}: querying its device records failed ({}); retrying", terminal.jobId(),
						failed.get().getMessage());
			}
			else {
				log.debug("Job {}: {} of {} device records final so far", terminal.jobId(), tally.count(),
						terminal.statistics().deviceCount());
			}
			pause(this.properties.retryInterval());
		}
	}

	/**
	 * The hub job's device records once they match its statistics (every device has a
	 * final record), or as they are when the settle timeout passes; read again while the
	 * job is owned.
	 */
	private List<DeviceResult> settled(String hubJobId, JobType jobType, DeviceJobStatistics statistics,
			Ownership ownership) {
		Instant settleBy = this.clock.instant().plus(this.properties.settleTimeout());
		while (true) {
			try {
				List<DeviceResult> read = unique(this.records.of(hubJobId, jobType, this.gate));
				if (settled(read, statistics) || this.clock.instant().isAfter(settleBy)) {
					return read;
				}
				log.debug("Job {}: {} of {} device records final so far", hubJobId, read.size(),
						statistics.deviceCount());
			}
			catch (HubCallException ex) {
				log.warn("Job {}: querying its device records failed ({}); retrying", hubJobId, ex.getMessage());
			}
			if (!ownership.whileOwned(() -> {
			})) {
				throw new CancellationException("job " + hubJobId + " is no longer owned");
			}
			pause(this.properties.retryInterval());
		}
	}

	/**
	 * The records read while the job ran plus those updated since, when together they
	 * match the job's final statistics; null when they do not (or nothing was read
	 * early), and every record is read again.
	 */
	private List<DeviceResult> fromEarlyReads(JobProgress terminal) {
		long started = System.nanoTime();
		EarlyResults.Gathered gathered = (this.early != null) ? this.early.take(terminal.jobId()) : null;
		if (gathered == null) {
			return null;
		}
		long taken = System.nanoTime();
		try {
			List<DeviceResult> merged = new ArrayList<>(gathered.finals.values());
			merged.addAll(this.records.updatedSince(terminal.jobId(), terminal.jobType(), gathered.since, this.gate));
			List<DeviceResult> results = unique(merged);
			if (settled(results, terminal.statistics())) {
				log.debug(
						"Job {}: {} device record(s) read while it ran ({} ms waiting for the last early read), "
								+ "{} since {} ({} ms)",
						terminal.jobId(), gathered.finals.size(), (taken - started) / 1_000_000,
						merged.size() - gathered.finals.size(), gathered.since,
						(System.nanoTime() - taken) / 1_000_000);
				return results;
			}
			log.debug("Job {}: the early reads and the records since do not match its statistics; reading all",
					terminal.jobId());
		}
		catch (HubCallException ex) {
			log.debug("Job {}: reading its records since {} failed ({}); reading all", terminal.jobId(), gathered.since,
					ex.getMessage());
		}
		return null;
	}

	/** One result per device (the last record wins), in the hub's order. */
	private static List<DeviceResult> unique(List<DeviceResult> results) {
		Map<String, DeviceResult> byDevice = new LinkedHashMap<>();
		results.forEach((result) -> byDevice.put(result.deviceId(), result));
		return new ArrayList<>(byDevice.values());
	}

	/** Every device of the job has a record, and every record is final. */
	static boolean settled(List<DeviceResult> results, DeviceJobStatistics statistics) {
		return results.size() >= statistics.deviceCount()
				&& results.stream().allMatch((result) -> result.status().isTerminal());
	}

	static JobProgress done(JobProgress terminal, int count, Instant now) {
		return new JobProgress(terminal.jobId(), terminal.sequence() + 1, terminal.requestId(), terminal.jobType(),
				terminal.status(), terminal.statistics(), terminal.createdTime(), terminal.startTime(),
				terminal.endTime(), terminal.failureReason(), true, count, terminal.labels(), now);
	}

	private static Map<DeviceJobStatus, Long> countByStatus(List<DeviceResult> results) {
		return results.stream().collect(Collectors.groupingBy(DeviceResult::status, Collectors.counting()));
	}

	private void record(JobProgress terminal, Map<DeviceJobStatus, Long> byStatus, String timing) {
		String type = (terminal.jobType() != null) ? terminal.jobType().name() : null;
		byStatus.forEach((status, count) -> this.metrics.deviceOutcomes(type, status.name(), count));
		if (terminal.endTime() != null) {
			this.metrics.publishLag("final", Duration.between(terminal.endTime(), this.clock.instant()));
		}
		log.info("Job {} {}: {} device result(s) published with the final progress event ({})", terminal.jobId(),
				terminal.status(), byStatus.values().stream().mapToLong(Long::longValue).sum(), timing);
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CompletionException(ex);
		}
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
		if (this.early != null) {
			this.early.shutdown();
		}
	}

}
