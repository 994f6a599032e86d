package dev.fleetjobs.status.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;

/**
 * The materialized view: for each job its latest progress (highest sequence wins), its
 * lifecycle events in memory, and its device results (one per device, a rollout's latest
 * attempt) in a {@link DeviceResultStore} on disk. Bounded: beyond {@code maxJobs} jobs
 * or {@code maxDeviceResults} results, the finished jobs seen longest ago are dropped;
 * unfinished jobs are always kept. Written by the topic follower, read by the API.
 */
final class JobViewStore implements AutoCloseable {

	private final Map<String, Entry> jobs = new HashMap<>();

	private final List<Consumer<JobProgress>> listeners = new CopyOnWriteArrayList<>();

	private final int maxJobs;

	private final int maxDeviceResults;

	private long arrivals;

	private int deviceResults;

	private final DeviceResultStore results;

	JobViewStore(int maxJobs, int maxDeviceResults, DeviceResultStore results) {
		this.maxJobs = maxJobs;
		this.maxDeviceResults = maxDeviceResults;
		this.results = results;
	}

	/** Called with every progress event that became a job's latest. */
	void onProgress(Consumer<JobProgress> listener) {
		this.listeners.add(listener);
	}

	void progress(JobProgress progress) {
		synchronized (this) {
			Entry entry = entry(progress.jobId());
			if (entry.progress != null && entry.progress.sequence() >= progress.sequence()) {
				return;
			}
			entry.progress = progress;
			evict();
		}
		this.listeners.forEach((listener) -> listener.accept(progress));
	}

	synchronized void lifecycle(String jobId, String type, Object event) {
		entry(jobId).lifecycle.add(new JobDetails.LifecycleEntry(type, event));
		evict();
	}

	/** A device's result; of a rollout's device, the latest attempt is kept. */
	synchronized void result(DeviceResult result) {
		Entry entry = entry(result.jobId());
		DeviceResultStore.Stored stored = this.results.put(result);
		if (!stored.stored()) {
			return;
		}
		if (stored.replaced() == null) {
			entry.results++;
			this.deviceResults++;
		}
		else {
			entry.byStatus.merge(stored.replaced(), -1, Integer::sum);
		}
		entry.byStatus.merge(result.status(), 1, Integer::sum);
		evict();
	}

	synchronized Optional<JobDetails> job(String jobId) {
		Entry entry = this.jobs.get(jobId);
		return Optional.ofNullable(entry)
			.map((found) -> new JobDetails(jobId, found.progress, List.copyOf(found.lifecycle), found.results));
	}

	synchronized Optional<JobProgress> latest(String jobId) {
		Entry entry = this.jobs.get(jobId);
		return Optional.ofNullable((entry != null) ? entry.progress : null);
	}

	/** Jobs with progress, newest first, filtered by status and type when given. */
	synchronized Page<JobProgress> list(JobStatus status, JobType type, int page, int size) {
		List<JobProgress> matching = this.jobs.values()
			.stream()
			.filter((entry) -> entry.progress != null)
			.filter((entry) -> status == null || entry.progress.status() == status)
			.filter((entry) -> type == null || entry.progress.jobType() == type)
			.sorted(Comparator.comparingLong((Entry entry) -> entry.arrival).reversed())
			.map((entry) -> entry.progress)
			.toList();
		return Page.of(matching, page, size);
	}

	/** A job's device results by device id, filtered by status when given. */
	synchronized Optional<Page<DeviceResult>> devices(String jobId, DeviceJobStatus status, int page, int size) {
		Entry entry = this.jobs.get(jobId);
		if (entry == null) {
			return Optional.empty();
		}
		long total = (status != null) ? entry.byStatus.getOrDefault(status, 0) : entry.results;
		List<DeviceResult> items = this.results.page(jobId, status, (long) page * size, size);
		return Optional.of(new Page<>(items, page, size, total, (int) ((total + size - 1) / size)));
	}

	synchronized Map<String, JobProgress> latest(Predicate<String> jobIds) {
		Map<String, JobProgress> latest = new HashMap<>();
		this.jobs.forEach((jobId, entry) -> {
			if (entry.progress != null && jobIds.test(jobId)) {
				latest.put(jobId, entry.progress);
			}
		});
		return latest;
	}

	synchronized Map<JobStatus, Long> countsByStatus() {
		Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
		for (JobStatus status : JobStatus.values()) {
			counts.put(status, 0L);
		}
		this.jobs.values()
			.stream()
			.filter((entry) -> entry.progress != null)
			.forEach((entry) -> counts.merge(entry.progress.status(), 1L, Long::sum));
		return counts;
	}

	synchronized int size() {
		return this.jobs.size();
	}

	@Override
	public void close() {
		this.results.close();
	}

	private Entry entry(String jobId) {
		return this.jobs.computeIfAbsent(jobId, (id) -> new Entry(this.arrivals++));
	}

	private void evict() {
		if (this.jobs.size() <= this.maxJobs && this.deviceResults <= this.maxDeviceResults) {
			return;
		}
		List<Map.Entry<String, Entry>> finished = new ArrayList<>(this.jobs.entrySet()
			.stream()
			.filter((job) -> job.getValue().finished())
			.sorted(Comparator.comparingLong((Map.Entry<String, Entry> job) -> job.getValue().arrival))
			.toList());
		// down to 90% of the bounds, so the sort is not repeated for every new record
		for (Map.Entry<String, Entry> job : finished) {
			if (this.jobs.size() <= this.maxJobs * 0.9 && this.deviceResults <= this.maxDeviceResults * 0.9) {
				return;
			}
			this.jobs.remove(job.getKey());
			this.deviceResults -= job.getValue().results;
			this.results.removeJob(job.getKey());
		}
	}

	private static final class Entry {

		final long arrival;

		final List<JobDetails.LifecycleEntry> lifecycle = new ArrayList<>();

		final Map<DeviceJobStatus, Integer> byStatus = new EnumMap<>(DeviceJobStatus.class);

		int results;

		JobProgress progress;

		Entry(long arrival) {
			this.arrival = arrival;
		}

		boolean finished() {
			return this.progress != null && this.progress.resultsComplete();
		}

	}

}
