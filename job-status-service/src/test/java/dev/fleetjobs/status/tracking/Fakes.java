package dev.fleetjobs.status.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.status.hub.CallBudget;
import dev.fleetjobs.status.hub.HubCallException;
import dev.fleetjobs.status.hub.HubOperation;
import dev.fleetjobs.status.metrics.StatusMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** In-memory fakes of the tracking ports, for unit tests of the logic. */
final class Fakes {

	private Fakes() {
	}

	/**
	 * A tracking service on these fakes, polling every second, whose progress log is the
	 * map the supplier gives at the time of a rebuild.
	 */
	static TrackingService tracking(HubJobs hub, ProgressPublisher publisher, ResultsCollector results,
			Supplier<Map<String, JobProgress>> progressTopic, Clock clock) {
		ProgressLog log = (filter, timeout) -> progressTopic.get()
			.entrySet()
			.stream()
			.filter((entry) -> filter.test(entry.getKey()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return new TrackingService(hub, new FakeBudget(), publisher, results, log,
				new StatusMetrics(new SimpleMeterRegistry()), clock,
				new TrackingProperties(Duration.ofMillis(100),
						List.of(new TrackingProperties.Step(Duration.ZERO, Duration.ofSeconds(1))),
						Duration.ofSeconds(60), 2, 100, Duration.ofSeconds(5), 1000, 3));
	}

	static HubJobState state(String jobId, JobStatus status, int devices, int succeeded, int failed) {
		return new HubJobState(jobId, JobType.DEVICE_METHOD, status,
				new DeviceJobStatistics(devices, failed, succeeded, 0, devices - succeeded - failed),
				Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:01Z"),
				status.isTerminal() ? Instant.parse("2026-01-01T00:00:09Z") : null, null);
	}

	/** A clock the test moves. */
	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

	/** The hub's jobs as the test sets them, with a count of calls per operation. */
	static final class FakeHubJobs implements HubJobs {

		final Map<String, HubJobState> jobs = new LinkedHashMap<>();

		final Map<HubOperation, Integer> calls = new HashMap<>();

		final List<String> gets = new ArrayList<>();

		HubCallException.Kind failWith;

		@Override
		public List<HubJobState> running() throws HubCallException {
			count(HubOperation.JOBS_QUERY);
			return this.jobs.values().stream().filter((job) -> job.status() == JobStatus.RUNNING).toList();
		}

		@Override
		public HubJobState get(String jobId) throws HubCallException {
			count(HubOperation.JOBS_GET);
			this.gets.add(jobId);
			HubJobState state = this.jobs.get(jobId);
			if (state == null) {
				throw new HubCallException(HubOperation.JOBS_GET, HubCallException.Kind.NOT_FOUND, "no " + jobId, null);
			}
			return state;
		}

		private void count(HubOperation operation) throws HubCallException {
			this.calls.merge(operation, 1, Integer::sum);
			if (this.failWith != null) {
				throw new HubCallException(operation, this.failWith, "injected", null);
			}
		}

		int calls(HubOperation operation) {
			return this.calls.getOrDefault(operation, 0);
		}

		int totalCalls() {
			return this.calls.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

	/** A budget with a number of permits the test hands out; records throttling. */
	static final class FakeBudget implements CallBudget {

		int permits = Integer.MAX_VALUE;

		final List<HubOperation> throttled = new ArrayList<>();

		@Override
		public boolean tryAcquire(HubOperation operation) {
			if (this.permits <= 0) {
				return false;
			}
			this.permits--;
			return true;
		}

		@Override
		public void throttled(HubOperation operation) {
			this.throttled.add(operation);
		}

		@Override
		public void succeeded(HubOperation operation) {
		}

	}

	/** Records every published batch; can be told to fail. */
	static final class RecordingPublisher implements ProgressPublisher {

		final List<List<JobProgress>> batches = new ArrayList<>();

		boolean fail;

		@Override
		public void publish(List<JobProgress> progress) {
			if (this.fail) {
				throw new PublishFailedException("injected", null);
			}
			this.batches.add(List.copyOf(progress));
		}

		List<JobProgress> all() {
			return this.batches.stream().flatMap(List::stream).toList();
		}

		List<JobProgress> of(String jobId) {
			return all().stream().filter((progress) -> progress.jobId().equals(jobId)).toList();
		}

	}

	/** Collects at once: publishes nothing, answers the final event. */
	static final class InstantResults implements ResultsCollector {

		final List<JobProgress> collected = new ArrayList<>();

		@Override
		public CompletableFuture<JobProgress> collect(JobProgress terminal, Ownership ownership) {
			this.collected.add(terminal);
			JobProgress done = new JobProgress(terminal.jobId(), terminal.sequence() + 1, terminal.requestId(),
					terminal.jobType(), terminal.status(), terminal.statistics(), terminal.createdTime(),
					terminal.startTime(), terminal.endTime(), terminal.failureReason(), true,
					terminal.statistics().deviceCount(), terminal.labels(), terminal.observedAt());
			return ownership.whileOwned(() -> {
			}) ? CompletableFuture.completedFuture(done)
					: CompletableFuture.failedFuture(new IllegalStateException("not owned"));
		}

		/** Waves' results published, with the progress of each transaction. */
		final List<DeviceResult> waveResults = new ArrayList<>();

		final List<JobProgress> waveProgress = new ArrayList<>();

		/**
		 * One completed record per device of the hub job, device ids
		 * {@code <hubJobId>-d<n>}.
		 */
		@Override
		public CompletableFuture<List<DeviceResult>> read(String hubJobId, JobType jobType,
				DeviceJobStatistics statistics, Ownership ownership) {
			List<DeviceResult> records = new ArrayList<>();
			for (int i = 0; i < statistics.deviceCount(); i++) {
				records.add(new DeviceResult(hubJobId, hubJobId + "-d" + i, jobType, DeviceJobStatus.COMPLETED, 200,
						null, null, null, null, null, null));
			}
			return CompletableFuture.completedFuture(records);
		}

		@Override
		public void publishWave(List<DeviceResult> results, JobProgress progress) {
			this.waveResults.addAll(results);
			this.waveProgress.add(progress);
		}

	}

}
