package dev.fleetjobs.launcher.demo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.contracts.rollout.RolloutPhase;
import dev.fleetjobs.contracts.rollout.RolloutProgress;
import dev.fleetjobs.contracts.rollout.RolloutTotals;
import dev.fleetjobs.contracts.rollout.TargetSelection;
import dev.fleetjobs.contracts.rollout.WaveProgress;
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

	@Test
	void givenARolloutInItsThirdWave_whenDrawn_thenTheLineShowsItsWavesAndRate() {
		JobProgress running = progress(JobStatus.RUNNING, 100, 30, 0, false);
		List<WaveProgress> waves = List.of(wave(1, JobStatus.COMPLETED), wave(2, JobStatus.COMPLETED),
				wave(3, JobStatus.RUNNING));
		JobProgress rollout = new JobProgress(running.jobId(), 7, null, running.jobType(), running.status(),
				running.statistics(), null, null, null, null, false, 30, Map.of(), Instant.now(),
				new RolloutProgress(RolloutPhase.RUNNING, TargetSelection.SNAPSHOT, RolloutTotals.EMPTY, 600, 3, null,
						null, waves));

		assertThat(ProgressBars.line("rollout", rollout)).contains("waves 3 (1 running) at 600/min");
		assertThat(ProgressBars.line("plain", running)).doesNotContain("waves");
	}

	@Test
	void givenAPausedRollout_whenDrawn_thenTheLineSaysUntilWhen() {
		Instant opens = Instant.parse("2026-12-06T22:00:00Z");
		RolloutProgress paused = new RolloutProgress(RolloutPhase.PAUSED, TargetSelection.CONTINUOUS,
				RolloutTotals.EMPTY, 0, 4, opens, null, List.of());

		assertThat(ProgressBars.waves(paused)).isEqualTo("  waves 4 (0 running), paused until 2026-12-06T22:00:00Z");
	}

	private static WaveProgress wave(int number, JobStatus status) {
		return new WaveProgress(number, 1, "job-1-w" + number, status, new DeviceJobStatistics(10, 0, 10, 0, 0),
				status.isTerminal(), 10, Instant.now(), null);
	}

	private static JobProgress progress(JobStatus status, int devices, int ok, int failed, boolean final_) {
		DeviceJobStatistics stats = new DeviceJobStatistics(devices, failed, ok, devices - ok - failed, 0);
		return new JobProgress("job-1", 3, "req-1", JobType.DEVICE_METHOD, status, stats, Instant.now(), Instant.now(),
				null, null, final_, final_ ? ok + failed : 0, Map.of(), Instant.now());
	}

}
