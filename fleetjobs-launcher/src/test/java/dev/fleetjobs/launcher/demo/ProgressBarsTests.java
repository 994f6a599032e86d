package dev.fleetjobs.launcher.demo;

import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarsTests {

	@Test
	void givenNoEventYet_whenDrawn_thenTheBarSaysItWaits() {
		assertThat(ProgressBars.line("lockDoor", null)).contains("waiting for the first progress event");
	}

	@Test
	void givenHalfTheDevicesDone_whenDrawn_thenHalfTheBarIsFilledWithCounts() {
		String line = ProgressBars.line("lockDoor", progress(JobStatus.RUNNING, 100, 40, 10, false));

		assertThat(line).contains("#".repeat(15) + ".".repeat(15))
			.contains("50/100")
			.contains("ok 40")
			.contains("failed 10")
			.contains("RUNNING")
			.doesNotContain("results");
	}

	@Test
	void givenTheFinalEvent_whenDrawn_thenTheBarIsFullAndShowsTheResultCount() {
		String line = ProgressBars.line("lockDoor", progress(JobStatus.COMPLETED, 5, 5, 0, true));

		assertThat(line).contains("#".repeat(30)).contains("COMPLETED").contains("results: 5");
	}

	@Test
	void givenACancelledJobWithoutDevices_whenDrawn_thenTheBarIsFull() {
		assertThat(ProgressBars.line("x", progress(JobStatus.CANCELLED, 0, 0, 0, true))).contains("#".repeat(30));
	}

	private static JobProgress progress(JobStatus status, int devices, int ok, int failed, boolean final_) {
		DeviceJobStatistics stats = new DeviceJobStatistics(devices, failed, ok, devices - ok - failed, 0);
		return new JobProgress("job-1", 3, "req-1", JobType.DEVICE_METHOD, status, stats, Instant.now(), Instant.now(),
				null, null, final_, final_ ? ok + failed : 0, Map.of(), Instant.now());
	}

}
