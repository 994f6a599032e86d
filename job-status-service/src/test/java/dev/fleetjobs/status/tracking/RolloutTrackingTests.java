package dev.fleetjobs.status.tracking;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.contracts.rollout.AbortAction;
import dev.fleetjobs.contracts.rollout.AbortCriterion;
import dev.fleetjobs.contracts.rollout.DevicesJoined;
import dev.fleetjobs.contracts.rollout.FailureType;
import dev.fleetjobs.contracts.rollout.Rollout;
import dev.fleetjobs.contracts.rollout.RolloutAborted;
import dev.fleetjobs.contracts.rollout.RolloutAccepted;
import dev.fleetjobs.contracts.rollout.RolloutEnded;
import dev.fleetjobs.contracts.rollout.RolloutOutcome;
import dev.fleetjobs.contracts.rollout.RolloutPaused;
import dev.fleetjobs.contracts.rollout.RolloutPhase;
import dev.fleetjobs.contracts.rollout.RolloutResumed;
import dev.fleetjobs.contracts.rollout.RolloutTotals;
import dev.fleetjobs.contracts.rollout.TargetSelection;
import dev.fleetjobs.contracts.rollout.WaveCompleted;
import dev.fleetjobs.contracts.rollout.WaveProgress;
import dev.fleetjobs.contracts.rollout.WaveStarted;
import dev.fleetjobs.status.tracking.Fakes.FakeHubJobs;
import dev.fleetjobs.status.tracking.Fakes.InstantResults;
import dev.fleetjobs.status.tracking.Fakes.MutableClock;
import dev.fleetjobs.status.tracking.Fakes.RecordingPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rollout's progress from its lifecycle events and its waves' hub jobs, with in-memory
 * fakes of the ports: merged statistics, waves, results per wave, the final event and the
 * rebuild after a rebalance.
 */
class RolloutTrackingTests {

	private static final String JOB = "rollout-1";

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private final MutableClock clock = new MutableClock();

	private final RecordingPublisher publisher = new RecordingPublisher();

	private final FakeHubJobs hub = new FakeHubJobs();

	private final InstantResults results = new InstantResults();

	private final Map<String, JobProgress> progressTopic = new HashMap<>();

	private final TrackingService tracking = Fakes.tracking(this.hub, this.publisher, this.results,
			() -> this.progressTopic, this.clock);

	@AfterEach
	void stop() {
		this.tracking.stop();
	}

	@Test
	void givenAcceptedRollout_whenHandled_thenItsFirstProgressIsScheduledAndWaiting() {
		this.tracking.onRolloutAccepted(accepted(), 0);

		assertThat(this.publisher.of(JOB)).singleElement().satisfies((progress) -> {
			assertThat(progress.sequence()).isEqualTo(1);
			assertThat(progress.status()).isEqualTo(JobStatus.SCHEDULED);
			assertThat(progress.rollout().phase()).isEqualTo(RolloutPhase.WAITING);
			assertThat(progress.rollout().ratePerMinute()).isEqualTo(120);
			assertThat(progress.rollout().targetSelection()).isEqualTo(TargetSelection.CONTINUOUS);
			assertThat(progress.labels()).containsEntry("building", "43");
		});
	}

	@Test
	void givenWaveRunning_whenPolled_thenStatisticsMergeTheExecutorsTotalsWithTheWavesLiveFigures() {
		this.tracking.onRolloutAccepted(accepted(), 0);
		this.tracking.onDevicesJoined(joined(10), 0);
		this.tracking.onWaveStarted(started(1, 4, totals(10, 0, 0, 4, 6)), 0);
		this.hub.jobs.put(JOB + "-w1", Fakes.state(JOB + "-w1", JobStatus.RUNNING, 4, 1, 1));

		this.tracking.pollNow();

		JobProgress last = last();
		assertThat(last.status()).isEqualTo(JobStatus.RUNNING);
		assertThat(last.statistics()).isEqualTo(new DeviceJobStatistics(10, 1, 1, 0, 8));
		assertThat(last.rollout().waves()).singleElement().satisfies((wave) -> {
			assertThat(wave.hubJobId()).isEqualTo(JOB + "-w1");
			assertThat(wave.status()).isEqualTo(JobStatus.RUNNING);
			assertThat(wave.completed()).isFalse();
		});
		assertThat(this.publisher.of(JOB)).extracting(JobProgress::sequence).containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void givenWaveEndedOnTheHub_whenPolled_thenItsResultsArePublishedAsTheRolloutsWithTheProgressMarkingThem() {
		this.tracking.onRolloutAccepted(accepted(), 0);
		this.tracking.onWaveStarted(started(1, 4, totals(10, 0, 0, 4, 6)), 0);
		this.hub.jobs.put(JOB + "-w1", Fakes.state(JOB + "-w1", JobStatus.COMPLETED, 4, 4, 0));

		this.tracking.pollNow();
		this.tracking.pollNow();

		assertThat(this.results.waveResults).hasSize(4).allSatisfy((result) -> {
			assertThat(result.jobId()).isEqualTo(JOB);
			assertThat(result.hubJobId()).isEqualTo(JOB + "-w1");
			assertThat(result.wave()).isEqualTo(1);
			assertThat(result.attempt()).isEqualTo(1);
		});
		assertThat(this.results.waveProgress).singleElement().satisfies((progress) -> {
			assertThat(progress.deviceResultCount()).isEqualTo(4);
			assertThat(progress.resultsComplete()).isFalse();
			assertThat(progress.rollout().waves()).singleElement()
				.satisfies((wave) -> assertThat(wave.resultsComplete()).isTrue());
		});
		assertThat(this.hub.gets).as("an ended wave is polled no more").hasSize(1);
	}

	@Test
	void givenEveryWaveCompleted_whenTheRolloutEnds_thenItsFinalEventCountsEveryResultOnce() {
		this.tracking.onRolloutAccepted(accepted(), 0);
		runWave(1, 1, 4, totals(4, 0, 0, 4, 0), totals(4, 3, 0, 0, 0));
		runWave(2, 2, 1, totals(4, 3, 0, 1, 0), totals(4, 4, 0, 0, 0));
		this.tracking.onRolloutEnded(
				new RolloutEnded(JOB, RolloutOutcome.COMPLETED, null, 2, totals(4, 4, 0, 0, 0), T0.plusSeconds(60)), 0);
		this.tracking.onRolloutEnded(
				new RolloutEnded(JOB, RolloutOutcome.COMPLETED, null, 2, totals(4, 4, 0, 0, 0), T0.plusSeconds(60)), 0);

		JobProgress done = last();
		assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(done.resultsComplete()).isTrue();
		assertThat(done.deviceResultCount()).isEqualTo(5);
		assertThat(done.statistics()).isEqualTo(new DeviceJobStatistics(4, 0, 4, 0, 0));
		assertThat(done.rollout().phase()).isEqualTo(RolloutPhase.ENDED);
		assertThat(done.rollout().waves())
			.extracting(WaveProgress::wave, WaveProgress::attempt, WaveProgress::completed)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1, true),
					org.assertj.core.groups.Tuple.tuple(2, 2, true));
		assertThat(this.publisher.all().stream().filter((progress) -> progress.resultsComplete()))
			.as("the redelivered RolloutEnded publishes nothing")
			.hasSize(1);
		List<Long> sequences = allProgress().stream().map(JobProgress::sequence).sorted().toList();
		assertThat(sequences).doesNotHaveDuplicates().startsWith(1L).endsWith((long) sequences.size());
		assertThat(this.tracking.trackedJobIds()).isEmpty();
	}

	@Test
	void givenAbortThenEnd_whenHandled_thenTheRolloutEndsCancelledWithTheCriterionAndFigures() {
		this.tracking.onRolloutAccepted(accepted(), 0);
		AbortCriterion criterion = new AbortCriterion(FailureType.FAILED, 20.0, 50, AbortAction.CANCEL);
		this.tracking.onRolloutAborted(
				new RolloutAborted(JOB, criterion, 60, 18, 30.0, List.of(), totals(100, 42, 18, 0, 40), T0), 0);
		JobProgress stopping = last();
		this.tracking.onRolloutEnded(new RolloutEnded(JOB, RolloutOutcome.ABORTED,
				RolloutAborted.reason(criterion, 60, 18, 30.0), 1, totals(100, 42, 18, 0, 40), T0), 0);

		assertThat(stopping.rollout().phase()).isEqualTo(RolloutPhase.STOPPING);
		assertThat(stopping.rollout().endReason())
			.isEqualTo("ABORTED: FAILED reached 30.0% (18 of 60 executed devices; threshold 20.0% after 50)");
		assertThat(last().status()).isEqualTo(JobStatus.CANCELLED);
		assertThat(last().failureReason()).startsWith("ABORTED: FAILED reached 30.0%");
	}

	@Test
	void givenWindowClosesAndOpens_whenHandled_thenThePhaseIsPausedUntilThenRunning() {
		this.tracking.onRolloutAccepted(accepted(), 0);
		this.tracking.onWaveStarted(started(1, 4, totals(10, 0, 0, 4, 6)), 0);
		this.tracking.onRolloutPaused(new RolloutPaused(JOB, "outside its maintenance windows", T0.plusSeconds(60), T0),
				0);
		JobProgress paused = last();
		this.tracking.onRolloutResumed(new RolloutResumed(JOB, T0.plusSeconds(120), T0.plusSeconds(60)), 0);

		assertThat(paused.rollout().phase()).isEqualTo(RolloutPhase.PAUSED);
		assertThat(paused.rollout().pausedUntil()).isEqualTo(T0.plusSeconds(60));
		assertThat(last().rollout().phase()).isEqualTo(RolloutPhase.RUNNING);
		assertThat(last().rollout().pausedUntil()).isNull();
	}

	@Test
	void givenRedeliveredWaveEvents_whenHandledAgain_thenNothingMoreIsPublished() {
		this.tracking.onRolloutAccepted(accepted(), 0);
		this.tracking.onWaveStarted(started(1, 4, totals(10, 0, 0, 4, 6)), 0);
		int published = this.publisher.of(JOB).size();

		this.tracking.onRolloutAccepted(accepted(), 0);
		this.tracking.onWaveStarted(started(1, 4, totals(10, 0, 0, 4, 6)), 0);

		assertThat(this.publisher.of(JOB)).hasSize(published);
	}

	@Test
	void givenPartitionAssigned_whenARolloutWithAnEndedWaveIsRebuilt_thenItsResultsArePublishedAndSequencesGoOn() {
		WaveProgress ran = new WaveProgress(3, 1, JOB + "-w3", JobStatus.RUNNING,
				new DeviceJobStatistics(2, 0, 1, 1, 0), false, 0, T0, null);
		WaveProgress done = new WaveProgress(2, 1, JOB + "-w2", JobStatus.COMPLETED,
				new DeviceJobStatistics(2, 0, 2, 0, 0), true, 2, T0, T0, true);
		this.progressTopic.put(JOB,
				new JobProgress(JOB, 7, "req", JobType.DEVICE_METHOD, JobStatus.RUNNING,
						new DeviceJobStatistics(6, 0, 3, 1, 2), T0, T0, null, null, false, 4, Map.of(), T0,
						new dev.fleetjobs.contracts.rollout.RolloutProgress(RolloutPhase.RUNNING,
								TargetSelection.SNAPSHOT, totals(6, 4, 0, 2, 0), 60, 3, null, null,
								List.of(done, ran))));
		this.hub.jobs.put(JOB + "-w3", Fakes.state(JOB + "-w3", JobStatus.COMPLETED, 2, 2, 0));

		this.tracking.assigned(List.of(0, 1, 2), 3);
		this.tracking.pollNow();
		this.tracking.pollNow();

		assertThat(this.hub.gets).containsExactly(JOB + "-w3");
		assertThat(this.results.waveResults).extracting(DeviceResult::wave).containsOnly(3);
		assertThat(this.results.waveProgress).singleElement().satisfies((progress) -> {
			assertThat(progress.sequence()).isGreaterThan(7);
			assertThat(progress.deviceResultCount()).isEqualTo(6);
		});
	}

	@Test
	void statisticsCountEveryTargetOnce() {
		RolloutState state = new RolloutState(TargetSelection.SNAPSHOT, RolloutPhase.RUNNING);
		state.totals = new RolloutTotals(100, 20, 3, 2, 1, 30, 4, 40);
		RolloutState.Wave wave = new RolloutState.Wave(5, 1, "r-w5");
		wave.statistics = new DeviceJobStatistics(30, 5, 10, 6, 9);
		state.active.put(5, wave);

		DeviceJobStatistics statistics = state.statistics();

		assertThat(statistics).isEqualTo(new DeviceJobStatistics(100, 3 + 2 + 1 + 5, 20 + 10, 6, 40 + 4 + 9));
	}

	private void runWave(int number, int attempt, int devices, RolloutTotals atStart, RolloutTotals atEnd) {
		this.tracking.onWaveStarted(new WaveStarted(JOB, number, attempt, JOB + "-w" + number, JobType.DEVICE_METHOD,
				devices, 120, "queued", T0, atStart, T0), 0);
		this.hub.jobs.put(JOB + "-w" + number,
				Fakes.state(JOB + "-w" + number, JobStatus.COMPLETED, devices, devices, 0));
		this.tracking.pollNow();
		this.tracking.pollNow();
		this.tracking.onWaveCompleted(
				new WaveCompleted(JOB, number, attempt, JOB + "-w" + number, devices, devices, 0, 0, 0, atEnd, T0), 0);
	}

	private JobProgress last() {
		List<JobProgress> all = allProgress();
		return all.get(all.size() - 1);
	}

	private List<JobProgress> allProgress() {
		List<JobProgress> all = new java.util.ArrayList<>(this.publisher.of(JOB));
		all.addAll(this.results.waveProgress);
		all.sort(java.util.Comparator.comparingLong(JobProgress::sequence));
		return all;
	}

	private static RolloutAccepted accepted() {
		return new RolloutAccepted(JOB, "req", JobType.DEVICE_METHOD, "tags.building = '43'",
				new Rollout(120, null, 2, null, null, TargetSelection.CONTINUOUS, null, null, null), T0,
				Map.of("building", "43"), T0);
	}

	private static DevicesJoined joined(int count) {
		return new DevicesJoined(JOB, TargetSelection.SNAPSHOT, count, List.of(), totals(count, 0, 0, 0, count), T0);
	}

	private static WaveStarted started(int wave, int devices, RolloutTotals totals) {
		return new WaveStarted(JOB, wave, 1, JOB + "-w" + wave, JobType.DEVICE_METHOD, devices, 120, "queued", T0,
				totals, T0);
	}

	/** Totals with no timed-out, cancelled or awaiting devices. */
	private static RolloutTotals totals(int targeted, int succeeded, int failed, int inWaves, int notNotified) {
		return new RolloutTotals(targeted, succeeded, failed, 0, 0, inWaves, 0, notNotified);
	}

}
