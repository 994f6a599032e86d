package dev.fleetjobs.status.tracking;

import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which hub observation publishes what. */
class ProgressRulesTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

	@Test
	void givenRunningJob_whenTheHubSaysScheduled_thenNothingIsPublished() {
		TrackedJob job = job(JobStatus.RUNNING, stats(10, 2, 0));

		assertThat(ProgressRules.observed(job, Fakes.state("j", JobStatus.SCHEDULED, 10, 2, 0), NOW)).isEmpty();
	}

	@Test
	void givenRunningJob_whenMoreDevicesSucceeded_thenTheNextSequenceCarriesTheNewStatistics() {
		TrackedJob job = job(JobStatus.RUNNING, stats(10, 2, 0));

		JobProgress next = ProgressRules.observed(job, Fakes.state("j", JobStatus.RUNNING, 10, 5, 1), NOW)
			.orElseThrow();

		assertThat(next.sequence()).isEqualTo(8);
		assertThat(next.statistics()).isEqualTo(new DeviceJobStatistics(10, 1, 5, 0, 4));
		assertThat(next.labels()).containsEntry("floor", "3");
		assertThat(next.requestId()).isEqualTo("req-j");
		assertThat(next.observedAt()).isEqualTo(NOW);
	}

	@Test
	void givenJobWithoutStatistics_whenTheHubSendsNone_thenTheLastOnesAreKept() {
		TrackedJob job = job(JobStatus.SCHEDULED, stats(10, 0, 0));
		HubJobState hub = new HubJobState("j", JobType.DEVICE_METHOD, JobStatus.RUNNING, null, null, null, null, null);

		assertThat(ProgressRules.observed(job, hub, NOW).orElseThrow().statistics()).isEqualTo(stats(10, 0, 0));
	}

	@Test
	void givenCompletedAnswer_whenObserved_thenTheEndTimeAndStatusArePublished() {
		TrackedJob job = job(JobStatus.RUNNING, stats(10, 9, 0));

		JobProgress next = ProgressRules.observed(job, Fakes.state("j", JobStatus.COMPLETED, 10, 10, 0), NOW)
			.orElseThrow();

		assertThat(next.status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(next.endTime()).isNotNull();
		assertThat(next.resultsComplete()).isFalse();
	}

	private static TrackedJob job(JobStatus status, DeviceJobStatistics statistics) {
		TrackedJob job = new TrackedJob("j", 0);
		job.describe("req-j", JobType.DEVICE_METHOD, Map.of("floor", "3"));
		job.published(new JobProgress("j", 7, "req-j", JobType.DEVICE_METHOD, status, statistics, null, null, null,
				null, false, 0, Map.of("floor", "3"), Instant.EPOCH));
		return job;
	}

	private static DeviceJobStatistics stats(int devices, int succeeded, int failed) {
		return new DeviceJobStatistics(devices, failed, succeeded, 0, devices - succeeded - failed);
	}

}
