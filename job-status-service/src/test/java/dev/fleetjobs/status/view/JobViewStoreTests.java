package dev.fleetjobs.status.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory view behind the read API. */
class JobViewStoreTests {

	private final JobViewStore store = new JobViewStore(100, 1000,
			DeviceResultStore.inMemory(JsonMapper.builder().build()));

	@Test
	void givenProgressArrivingOutOfOrder_whenStored_thenTheHighestSequenceWinsAndListenersHearOnlyIt() {
		List<Long> heard = new ArrayList<>();
		this.store.onProgress((progress) -> heard.add(progress.sequence()));

		this.store.progress(progress("a", 2, JobStatus.RUNNING, JobType.DEVICE_METHOD, false));
		this.store.progress(progress("a", 1, JobStatus.SCHEDULED, JobType.DEVICE_METHOD, false));

		assertThat(this.store.latest("a")).get().extracting(JobProgress::status).isEqualTo(JobStatus.RUNNING);
		assertThat(heard).containsExactly(2L);
	}

	@Test
	void givenJobsOfSeveralStatusesAndTypes_whenListed_thenFiltersAndPagesApplyNewestFirst() {
		for (int i = 0; i < 5; i++) {
			this.store.progress(progress("m" + i, 1, JobStatus.RUNNING, JobType.DEVICE_METHOD, false));
		}
		this.store.progress(progress("t0", 1, JobStatus.RUNNING, JobType.TWIN_UPDATE, false));
		this.store.progress(progress("c0", 3, JobStatus.COMPLETED, JobType.DEVICE_METHOD, true));

		Page<JobProgress> page = this.store.list(JobStatus.RUNNING, JobType.DEVICE_METHOD, 1, 2);

		assertThat(page.items()).extracting(JobProgress::jobId).containsExactly("m2", "m1");
		assertThat(page.totalItems()).isEqualTo(5);
		assertThat(page.totalPages()).isEqualTo(3);
		assertThat(this.store.list(null, JobType.TWIN_UPDATE, 0, 10).items()).extracting(JobProgress::jobId)
			.containsExactly("t0");
		assertThat(this.store.countsByStatus()).containsEntry(JobStatus.RUNNING, 6L)
			.containsEntry(JobStatus.COMPLETED, 1L);
	}

	@Test
	void givenDeviceResults_whenListedByStatus_thenOnlyThoseDevicesComeInDeviceIdOrder() {
		this.store.result(result("j", "d-3", DeviceJobStatus.FAILED));
		this.store.result(result("j", "d-1", DeviceJobStatus.COMPLETED));
		this.store.result(result("j", "d-2", DeviceJobStatus.FAILED));
		this.store.result(result("j", "d-2", DeviceJobStatus.FAILED));

		assertThat(this.store.devices("j", DeviceJobStatus.FAILED, 0, 10)).get()
			.satisfies((page) -> assertThat(page.items()).extracting(DeviceResult::deviceId)
				.containsExactly("d-2", "d-3"));
		assertThat(this.store.devices("j", null, 0, 10).orElseThrow().totalItems()).isEqualTo(3);
		assertThat(this.store.devices("unknown", null, 0, 10)).isEmpty();
	}

	@Test
	void givenRolloutResultsOfSeveralAttempts_whenStoredInAnyOrder_thenEachDeviceShowsItsLatestAttempt() {
		this.store.result(result("r", "d-1", DeviceJobStatus.FAILED).ofWave("r", 1, 1));
		this.store.result(result("r", "d-1", DeviceJobStatus.COMPLETED).ofWave("r", 4, 2));
		this.store.result(result("r", "d-2", DeviceJobStatus.COMPLETED).ofWave("r", 3, 3));
		this.store.result(result("r", "d-2", DeviceJobStatus.FAILED).ofWave("r", 2, 2));

		assertThat(this.store.devices("r", null, 0, 10).orElseThrow().items())
			.extracting(DeviceResult::deviceId, DeviceResult::attempt, DeviceResult::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("d-1", 2, DeviceJobStatus.COMPLETED),
					org.assertj.core.groups.Tuple.tuple("d-2", 3, DeviceJobStatus.COMPLETED));
	}

	@Test
	void givenLifecycleEvents_whenTheJobIsRead_thenItsHistoryAndProgressAreThere() {
		JobSubmitted submitted = new JobSubmitted("j", null, JobType.DEVICE_METHOD, "*", Instant.EPOCH, 60, "queued",
				null, 1, Map.of(), Instant.EPOCH);
		this.store.lifecycle("j", "JobSubmitted", submitted);
		this.store.progress(progress("j", 1, JobStatus.SCHEDULED, JobType.DEVICE_METHOD, false));

		JobDetails details = this.store.job("j").orElseThrow();

		assertThat(details.lifecycle()).extracting(JobDetails.LifecycleEntry::type).containsExactly("JobSubmitted");
		assertThat(details.progress().status()).isEqualTo(JobStatus.SCHEDULED);
	}

	@Test
	void givenMoreJobsThanTheBound_whenStored_thenTheOldestFinishedJobsAreDroppedAndUnfinishedOnesKept() {
		JobViewStore small = new JobViewStore(10, 1000, DeviceResultStore.inMemory(JsonMapper.builder().build()));
		small.progress(progress("running", 1, JobStatus.RUNNING, JobType.DEVICE_METHOD, false));
		for (int i = 0; i < 20; i++) {
			small.progress(progress("done" + i, 4, JobStatus.COMPLETED, JobType.DEVICE_METHOD, true));
		}

		assertThat(small.size()).isLessThanOrEqualTo(10);
		assertThat(small.latest("running")).isPresent();
		assertThat(small.latest("done19")).isPresent();
		assertThat(small.latest("done0")).isEmpty();
	}

	@Test
	void givenMoreDeviceResultsThanTheBound_whenStored_thenWholeFinishedJobsAreDropped() {
		JobViewStore small = new JobViewStore(100, 10, DeviceResultStore.inMemory(JsonMapper.builder().build()));
		small.progress(progress("old", 4, JobStatus.COMPLETED, JobType.DEVICE_METHOD, true));
		for (int i = 0; i < 8; i++) {
			small.result(result("old", "d" + i, DeviceJobStatus.COMPLETED));
		}
		small.progress(progress("new", 4, JobStatus.COMPLETED, JobType.DEVICE_METHOD, true));
		for (int i = 0; i < 8; i++) {
			small.result(result("new", "d" + i, DeviceJobStatus.COMPLETED));
		}

		assertThat(small.job("old")).isEmpty();
		assertThat(small.devices("new", null, 0, 10).orElseThrow().totalItems()).isEqualTo(8);
	}

	private static JobProgress progress(String jobId, long sequence, JobStatus status, JobType type, boolean complete) {
		return new JobProgress(jobId, sequence, null, type, status, DeviceJobStatistics.EMPTY, null, null, null, null,
				complete, 0, Map.of(), Instant.EPOCH);
	}

	private static DeviceResult result(String jobId, String deviceId, DeviceJobStatus status) {
		return new DeviceResult(jobId, deviceId, JobType.DEVICE_METHOD, status, null, null, null, null, null, null,
				null);
	}

}
