package dev.fleetjobs.status.view;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The view's device results in their MVStore file. */
class DeviceResultStoreTests {

	@TempDir
	Path directory;

	@Test
	void givenManyResultsOfTwoJobs_whenPagedAndOneJobDropped_thenPagesComeByDeviceIdAndTheOtherJobStays() {
		try (DeviceResultStore store = DeviceResultStore.onDisk(this.directory, JsonMapper.builder().build())) {
			for (int i = 0; i < 50_000; i++) {
				store.put(result("big", String.format("d-%05d", i),
						(i % 10 == 0) ? DeviceJobStatus.FAILED : DeviceJobStatus.COMPLETED, null));
			}
			store.put(result("small", "d-1", DeviceJobStatus.COMPLETED, null));

			assertThat(store.page("big", null, 49_998, 10)).extracting(DeviceResult::deviceId)
				.containsExactly("d-49998", "d-49999");
			assertThat(store.page("big", DeviceJobStatus.FAILED, 2, 3)).extracting(DeviceResult::deviceId)
				.containsExactly("d-00020", "d-00030", "d-00040");
			assertThat(store.page("big", null, 0, 1).get(0).status()).isEqualTo(DeviceJobStatus.FAILED);

			store.removeJob("big");

			assertThat(store.page("big", null, 0, 10)).isEmpty();
			assertThat(store.page("small", null, 0, 10)).hasSize(1);
		}
		assertThat(this.directory).isEmptyDirectory();
	}

	@Test
	void givenTwoAttemptsOfADevice_whenTheEarlierArrivesLast_thenTheLaterStays() {
		try (DeviceResultStore store = DeviceResultStore.inMemory(JsonMapper.builder().build())) {
			assertThat(store.put(result("r", "d-1", DeviceJobStatus.FAILED, 2)).replaced()).isNull();

			DeviceResultStore.Stored stale = store.put(result("r", "d-1", DeviceJobStatus.COMPLETED, 1));
			DeviceResultStore.Stored newer = store.put(result("r", "d-1", DeviceJobStatus.COMPLETED, 3));

			assertThat(stale.stored()).isFalse();
			assertThat(newer.stored()).isTrue();
			assertThat(newer.replaced()).isEqualTo(DeviceJobStatus.FAILED);
			assertThat(store.page("r", null, 0, 5)).singleElement()
				.satisfies((result) -> assertThat(result.attempt()).isEqualTo(3));
		}
	}

	@Test
	void givenAFileAKilledPredecessorLeft_whenAStoreOpensInTheSameDirectory_thenOnlyItsOwnFileRemains()
			throws Exception {
		Files.writeString(this.directory.resolve("view-device-results-1234.mv"), "left by a kill -9");
		Files.writeString(this.directory.resolve("other.txt"), "not ours");

		try (DeviceResultStore store = DeviceResultStore.onDisk(this.directory, JsonMapper.builder().build())) {
			store.put(result("j", "d", DeviceJobStatus.COMPLETED, null));
			try (var files = Files.list(this.directory)) {
				assertThat(files.map((file) -> file.getFileName().toString())).hasSize(2)
					.contains("other.txt")
					.doesNotContain("view-device-results-1234.mv");
			}
		}
	}

	@Test
	void givenAFile_whenTheStoreCloses_thenItIsDeleted() throws Exception {
		DeviceResultStore store = DeviceResultStore.onDisk(this.directory, JsonMapper.builder().build());
		store.put(result("j", "d", DeviceJobStatus.COMPLETED, null));
		try (var files = Files.list(this.directory)) {
			assertThat(files).hasSize(1);
		}
		store.close();
		assertThat(this.directory).isEmptyDirectory();
	}

	private static DeviceResult result(String jobId, String deviceId, DeviceJobStatus status, Integer attempt) {
		return new DeviceResult(jobId, deviceId, JobType.DEVICE_METHOD, status, null, null, null, null, null, null,
				null, jobId, (attempt != null) ? 1 : null, attempt);
	}

}
