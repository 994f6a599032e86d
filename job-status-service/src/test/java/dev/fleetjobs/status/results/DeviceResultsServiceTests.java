package dev.fleetjobs.status.results;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.status.hub.TestBudgets;
import dev.fleetjobs.status.metrics.StatusMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Collecting device results with fakes of the hub records and the publisher. */
class DeviceResultsServiceTests {

	private final List<List<DeviceResult>> answers = new ArrayList<>();

	private final List<Object[]> published = new ArrayList<>();

	private int queries;

	private final DeviceResultsService service = new DeviceResultsService((jobId, type, gate) -> {
		this.queries++;
		return this.answers.get(Math.min(this.queries, this.answers.size()) - 1);
	}, (results, done) -> this.published.add(new Object[] { results, done }), TestBudgets.unlimited(),
			new StatusMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), new ResultsProperties(1000,
					Duration.ofSeconds(5), Duration.ofMillis(10), false, Duration.ofMillis(500), 50_000));

	@AfterEach
	void stop() {
		this.service.destroy();
	}

	@Test
	void givenAllRecordsFinal_whenCollected_thenResultsAndTheFinalEventArePublishedTogether() throws Exception {
		this.answers.add(records(3, DeviceJobStatus.COMPLETED));

		JobProgress done = this.service.collect(terminal(3), (publishing) -> {
			publishing.run();
			return true;
		}).get(5, TimeUnit.SECONDS);

		assertThat(done.resultsComplete()).isTrue();
		assertThat(done.deviceResultCount()).isEqualTo(3);
		assertThat(done.sequence()).isEqualTo(6);
		assertThat(this.published).singleElement().satisfies((batch) -> {
			assertThat((List<?>) batch[0]).hasSize(3);
			assertThat(batch[1]).isEqualTo(done);
		});
	}

	@Test
	void givenRecordsNotSettledYet_whenCollected_thenItQueriesAgainUntilEveryDeviceIsFinal() throws Exception {
		this.answers.add(records(2, DeviceJobStatus.COMPLETED));
		List<DeviceResult> running = new ArrayList<>(records(3, DeviceJobStatus.COMPLETED));
		running.set(2, record(2, DeviceJobStatus.RUNNING));
		this.answers.add(running);
		this.answers.add(records(3, DeviceJobStatus.COMPLETED));

		JobProgress done = this.service.collect(terminal(3), (publishing) -> {
			publishing.run();
			return true;
		}).get(5, TimeUnit.SECONDS);

		assertThat(this.queries).isEqualTo(3);
		assertThat(done.deviceResultCount()).isEqualTo(3);
	}

	@Test
	void givenTheJobMovedToAnotherInstance_whenCollected_thenNothingIsPublished() {
		this.answers.add(records(3, DeviceJobStatus.COMPLETED));

		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.service.collect(terminal(3), (publishing) -> false).get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(CancellationException.class);
		assertThat(this.published).isEmpty();
	}

	@Test
	void givenDuplicateRecordsOfADevice_whenCollected_thenOneResultPerDeviceIsPublished() throws Exception {
		List<DeviceResult> duplicated = new ArrayList<>(records(2, DeviceJobStatus.COMPLETED));
		duplicated.add(record(1, DeviceJobStatus.FAILED));
		this.answers.add(duplicated);

		JobProgress done = this.service.collect(terminal(2), (publishing) -> {
			publishing.run();
			return true;
		}).get(5, TimeUnit.SECONDS);

		assertThat(done.deviceResultCount()).isEqualTo(2);
	}

	private static JobProgress terminal(int devices) {
		return new JobProgress("job-1", 5, "req", JobType.DEVICE_METHOD, JobStatus.COMPLETED,
				new DeviceJobStatistics(devices, 0, devices, 0, 0), Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null,
				false, 0, Map.of(), Instant.EPOCH);
	}

	private static List<DeviceResult> records(int count, DeviceJobStatus status) {
		return IntStream.range(0, count).mapToObj((i) -> record(i, status)).toList();
	}

	private static DeviceResult record(int index, DeviceJobStatus status) {
		return new DeviceResult("job-1", "door-" + index, JobType.DEVICE_METHOD, status, 200, Map.of(), null, null,
				null, null, null);
	}

}
