package dev.fleetjobs.status.results;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.status.hub.SdkPages;
import dev.fleetjobs.status.hub.TestBudgets;
import dev.fleetjobs.status.metrics.StatusMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reading a running job's device records early, with a fake of the hub's records whose
 * contents the test changes as devices "finish".
 */
class EarlyReadsTests {

	private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

	private final List<DeviceResult> hub = new ArrayList<>();

	private final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final DeviceJobRecords records = new DeviceJobRecords() {

		@Override
		public synchronized List<DeviceResult> of(String jobId, JobType jobType, SdkPages.Gate gate) {
			EarlyReadsTests.this.calls.add("all");
			return List.copyOf(EarlyReadsTests.this.hub);
		}

		@Override
		public synchronized List<DeviceResult> updatedSince(String jobId, JobType jobType, Instant since,
				SdkPages.Gate gate) {
			EarlyReadsTests.this.calls.add("since " + since);
			return EarlyReadsTests.this.hub.stream().filter((result) -> !result.lastUpdated().isBefore(since)).toList();
		}

	};

	private final List<List<DeviceResult>> published = new ArrayList<>();

	private final DeviceResultsService service = new DeviceResultsService(this.records,
			(results, done) -> this.published.add(results), TestBudgets.unlimited(),
			new StatusMetrics(new SimpleMeterRegistry()), Clock.systemUTC(),
			new ResultsProperties(1000, Duration.ofSeconds(5), Duration.ofMillis(10), true, Duration.ZERO, 50_000));

	@AfterEach
	void stop() {
		this.service.destroy();
	}

	@Test
	void givenRecordsReadWhileTheJobRan_whenItEnds_thenOnlyTheRecordsUpdatedSinceAreRead() throws Exception {
		// Given a running job whose first two devices finished, read early
		set(0, DeviceJobStatus.COMPLETED, 1);
		set(1, DeviceJobStatus.COMPLETED, 2);
		set(2, DeviceJobStatus.RUNNING, 2);
		this.service.running(progress(JobStatus.RUNNING, 3));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.calls.size() == 1);

		// When the last device finishes and the job ends
		set(2, DeviceJobStatus.FAILED, 9);
		JobProgress done = collect(progress(JobStatus.COMPLETED, 3));

		// Then the end reads only from just before the newest early record, and all three
		// devices are published with their final state
		assertThat(this.calls).containsExactly("all", "since " + T0.plusSeconds(2).minus(EarlyResults.MARGIN));
		assertThat(done.deviceResultCount()).isEqualTo(3);
		assertThat(this.published).singleElement()
			.satisfies((results) -> assertThat(results).extracting(DeviceResult::status)
				.containsExactlyInAnyOrder(DeviceJobStatus.COMPLETED, DeviceJobStatus.COMPLETED,
						DeviceJobStatus.FAILED));
	}

	@Test
	void givenARecordTheEarlyReadsMissed_whenTheJobEnds_thenEveryRecordIsReadAgain() throws Exception {
		// Given two devices read early
		set(0, DeviceJobStatus.COMPLETED, 5);
		set(1, DeviceJobStatus.RUNNING, 5);
		this.service.running(progress(JobStatus.RUNNING, 3));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.calls.size() == 1);

		// When a third device's record shows up late with an old timestamp (a lagging
		// index)
		set(1, DeviceJobStatus.COMPLETED, 6);
		set(2, DeviceJobStatus.COMPLETED, 1);
		JobProgress done = collect(progress(JobStatus.COMPLETED, 3));

		// Then the records since do not add up, so every record is read again
		assertThat(this.calls).hasSize(3).last().isEqualTo("all");
		assertThat(done.deviceResultCount()).isEqualTo(3);
	}

	@Test
	void givenAJobNeverSeenRunning_whenItEnds_thenEveryRecordIsRead() throws Exception {
		set(0, DeviceJobStatus.COMPLETED, 1);

		JobProgress done = collect(progress(JobStatus.COMPLETED, 1));

		assertThat(this.calls).containsExactly("all");
		assertThat(done.deviceResultCount()).isEqualTo(1);
	}

	@Test
	void givenAReadWithFinalRecords_whenTheNextBoundIsSet_thenItIsTheMarginBeforeTheNewestOnTheFirstPage() {
		JobProgress running = progress(JobStatus.RUNNING, 3);

		assertThat(EarlyResults.next(null, T0.plusSeconds(4), running))
			.isEqualTo(T0.plusSeconds(4).minus(EarlyResults.MARGIN));
		assertThat(EarlyResults.next(T0.plusSeconds(5), T0.plusSeconds(4), running)).as("never backwards")
			.isEqualTo(T0.plusSeconds(5));
	}

	@Test
	void givenAFirstReadWithNoFinalRecord_whenTheNextBoundIsSet_thenItIsTheJobsCreation() {
		assertThat(EarlyResults.next(null, null, progress(JobStatus.RUNNING, 3)))
			.isEqualTo(T0.minus(EarlyResults.MARGIN));
		assertThat(EarlyResults.next(T0.plusSeconds(2), null, progress(JobStatus.RUNNING, 3)))
			.isEqualTo(T0.plusSeconds(2));
	}

	@Test
	void givenNothingFinishedAtTheFirstEarlyRead_whenTheJobEnds_thenOnlyTheRecordsSinceItsCreationAreRead()
			throws Exception {
		set(0, DeviceJobStatus.RUNNING, 1);
		this.service.running(progress(JobStatus.RUNNING, 1));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.calls.size() == 1);

		set(0, DeviceJobStatus.COMPLETED, 3);
		JobProgress done = collect(progress(JobStatus.COMPLETED, 1));

		assertThat(this.calls).containsExactly("all", "since " + T0.minus(EarlyResults.MARGIN));
		assertThat(done.deviceResultCount()).isEqualTo(1);
	}

	@Test
	void givenAJobOfMoreDevicesThanEarlyReadsHold_whenItRunsAndEnds_thenNothingIsReadEarlyAndItsResultsStream()
			throws Exception {
		DeviceResultsService bounded = new DeviceResultsService(this.records,
				(results, done) -> this.published.add(results), TestBudgets.unlimited(),
				new StatusMetrics(new SimpleMeterRegistry()), Clock.systemUTC(),
				new ResultsProperties(1000, Duration.ofSeconds(5), Duration.ofMillis(10), true, Duration.ZERO, 2));
		try {
			set(0, DeviceJobStatus.COMPLETED, 1);
			set(1, DeviceJobStatus.COMPLETED, 2);
			set(2, DeviceJobStatus.COMPLETED, 3);
			bounded.running(progress(JobStatus.RUNNING, 3));
			Thread.sleep(200);
			assertThat(this.calls).as("no early read of a job over the bound").isEmpty();

			JobProgress done = bounded.collect(progress(JobStatus.COMPLETED, 3), (publishing) -> {
				publishing.run();
				return true;
			}).get(5, TimeUnit.SECONDS);

			assertThat(done.deviceResultCount()).isEqualTo(3);
			assertThat(this.calls).containsExactly("all");
			assertThat(this.published).singleElement().satisfies((results) -> assertThat(results).hasSize(3));
		}
		finally {
			bounded.destroy();
		}
	}

	private JobProgress collect(JobProgress terminal) throws Exception {
		return this.service.collect(terminal, (publishing) -> {
			publishing.run();
			return true;
		}).get(5, TimeUnit.SECONDS);
	}

	private synchronized void set(int index, DeviceJobStatus status, int second) {
		DeviceResult result = new DeviceResult("job-1", "door-" + index, JobType.DEVICE_METHOD, status, 200, Map.of(),
				null, null, T0, status.isTerminal() ? T0.plusSeconds(second) : null, T0.plusSeconds(second));
		this.hub.removeIf((existing) -> existing.deviceId().equals(result.deviceId()));
		this.hub.add(result);
	}

	private static JobProgress progress(JobStatus status, int devices) {
		return new JobProgress("job-1", 5, "req", JobType.DEVICE_METHOD, status,
				new DeviceJobStatistics(devices, 0, devices, 0, 0), T0, T0, null, null, false, 0, Map.of(), T0);
	}

}
