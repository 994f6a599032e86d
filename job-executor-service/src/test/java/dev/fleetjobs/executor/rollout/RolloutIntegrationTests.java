package dev.fleetjobs.executor.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.request.MethodInvocation;
import dev.fleetjobs.contracts.request.TwinPatch;
import dev.fleetjobs.contracts.rollout.AbortCriterion;
import dev.fleetjobs.contracts.rollout.DevicesJoined;
import dev.fleetjobs.contracts.rollout.ExponentialRate;
import dev.fleetjobs.contracts.rollout.FailureType;
import dev.fleetjobs.contracts.rollout.MaintenanceWindow;
import dev.fleetjobs.contracts.rollout.RateIncreaseCriteria;
import dev.fleetjobs.contracts.rollout.RetryCriterion;
import dev.fleetjobs.contracts.rollout.RetryScheduled;
import dev.fleetjobs.contracts.rollout.Rollout;
import dev.fleetjobs.contracts.rollout.RolloutAborted;
import dev.fleetjobs.contracts.rollout.RolloutAccepted;
import dev.fleetjobs.contracts.rollout.RolloutEnded;
import dev.fleetjobs.contracts.rollout.RolloutOutcome;
import dev.fleetjobs.contracts.rollout.RolloutPaused;
import dev.fleetjobs.contracts.rollout.RolloutResumed;
import dev.fleetjobs.contracts.rollout.TargetSelection;
import dev.fleetjobs.contracts.rollout.WaveCompleted;
import dev.fleetjobs.contracts.rollout.WaveStarted;
import dev.fleetjobs.executor.testsupport.Commands;
import dev.fleetjobs.executor.testsupport.ExecutorIntegrationTest;
import dev.fleetjobs.executor.testsupport.KafkaTopics;
import dev.fleetjobs.executor.testsupport.TestHub;
import dev.fleetjobs.executor.testsupport.WaveReporter;
import dev.fleetjobs.query.Literals;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Rollouts on the emulator: ScheduleJob commands with a rollout become waves (hub jobs
 * over {@code deviceId IN [...]}, read back with the official client), paced, retried,
 * aborted, cancelled, paused and stopped as asked; every decision is read from the
 * lifecycle topic as a downstream consumer sees it. The waves' results come back through
 * {@link WaveReporter}, which plays job-status-service's part of the contract over the
 * emulator's own device records.
 */
@ExecutorIntegrationTest
class RolloutIntegrationTests {

	private static final Duration LONG = Duration.ofSeconds(40);

	@Autowired
	private KafkaTopics kafka;

	@Test
	void givenAConstantRateThenWavesStartAtItAndEveryDeviceSucceeds() {
		// Given 24 devices and a twin update at 180 devices/min in waves every 2 s
		String jobId = jobId();
		List<String> devices = devices(jobId, 24);
		ScheduleJob command = twin(jobId, devices, new Rollout(180, null, 2, null, null, null, null, null, null));

		// When it is sent, with the status service's feedback
		try (WaveReporter reporter = new WaveReporter(this.kafka, jobId)) {
			this.kafka.send(jobId, command);
			RolloutEnded ended = awaitEnded(jobId);

			// Then 4 waves of 6 devices, 2 s apart, reached every device once and all
			// succeeded
			List<WaveStarted> waves = this.kafka.events(jobId, WaveStarted.class);
			assertThat(waves).extracting(WaveStarted::deviceCount).containsExactly(6, 6, 6, 6);
			assertThat(waves).extracting(WaveStarted::attempt).containsOnly(1);
			assertThat(waves).extracting(WaveStarted::hubJobId)
				.containsExactly(jobId + "-w1", jobId + "-w2", jobId + "-w3", jobId + "-w4");
			for (int i = 1; i < waves.size(); i++) {
				double gap = Duration.between(waves.get(i - 1).startedAt(), waves.get(i).startedAt()).toMillis()
						/ 1000.0;
				assertThat(gap).as("seconds between waves %d and %d", i, i + 1).isCloseTo(2.0, within(0.6));
			}
			assertThat(hubDevices(waves)).containsExactlyInAnyOrderElementsOf(devices);
			assertThat(ended.outcome()).isEqualTo(RolloutOutcome.COMPLETED);
			assertThat(ended.totals().succeeded()).isEqualTo(24);
			assertThat(ended.totals().targeted()).isEqualTo(24);
			assertThat(ended.waveCount()).isEqualTo(4);
			assertThat(this.kafka.events(jobId, RolloutAccepted.class)).hasSize(1);
			assertThat(this.kafka.events(jobId, DevicesJoined.class)).singleElement()
				.satisfies((joined) -> assertThat(joined.joinedCount()).isEqualTo(24));
			assertThat(this.kafka.events(jobId, WaveCompleted.class)).hasSize(4)
				.allSatisfy((completed) -> assertThat(completed.succeededCount()).isEqualTo(6));
		}
	}

	@Test
	void givenAnExponentialRateThenWaveSizesGrowByTheFactor() {
		// Given 30 devices, a base of 60/min (2 per 2-s wave), doubling after each 2
		// notified
		String jobId = jobId();
		List<String> devices = devices(jobId, 30);
		Rollout rollout = new Rollout(null, new ExponentialRate(60, 2.0, new RateIncreaseCriteria(2, null)), 2, null,
				null, null, null, null, null);

		// When it runs
		try (WaveReporter reporter = new WaveReporter(this.kafka, jobId)) {
			this.kafka.send(jobId, twin(jobId, devices, rollout));
			RolloutEnded ended = awaitEnded(jobId);

			// Then the waves have 2, 4, 8 and 16 devices, at 60, 120, 240 and 480 per
			// minute
			List<WaveStarted> waves = this.kafka.events(jobId, WaveStarted.class);
			assertThat(waves).extracting(WaveStarted::deviceCount).containsExactly(2, 4, 8, 16);
			assertThat(waves).extracting(WaveStarted::ratePerMinute).containsExactly(60.0, 120.0, 240.0, 480.0);
			assertThat(ended.totals().succeeded()).isEqualTo(30);
		}
	}

	@Test
	void givenOfflineDevicesAndRetriesThenEachIsTriedUpToItsLimitWithAttemptNumbers() {
		// Given 3 devices that never connect and 2 retries of timed-out devices after 1 s
		String jobId = jobId();
		List<String> devices = devices(jobId, 3);
		Rollout rollout = new Rollout(null, null, 1, null,
				List.of(new RetryCriterion(FailureType.TIMED_OUT, 2, 1, 1.0)), null, null, null, null);

		// When lockDoor rolls out
		try (WaveReporter reporter = new WaveReporter(this.kafka, jobId)) {
			this.kafka.send(jobId, lockDoor(jobId, devices, rollout));
			RolloutEnded ended = awaitEnded(jobId);

			// Then three waves, attempts 1, 2 and 3, each over the same 3 devices
			List<WaveStarted> waves = this.kafka.events(jobId, WaveStarted.class);
			assertThat(waves).extracting(WaveStarted::attempt).containsExactly(1, 2, 3);
			assertThat(waves).extracting(WaveStarted::deviceCount).containsOnly(3);
			List<RetryScheduled> retries = this.kafka.events(jobId, RetryScheduled.class);
			assertThat(retries).extracting(RetryScheduled::attempt).containsExactly(2, 3);
			assertThat(retries).allSatisfy((retry) -> assertThat(retry.failureType()).isEqualTo(FailureType.TIMED_OUT));
			assertThat(Duration.between(waves.get(0).startedAt(), waves.get(1).startedAt()))
				.isGreaterThan(Duration.ofMillis(900));

			// And the rollout ends with every device timed out, nothing left waiting
			assertThat(ended.outcome()).isEqualTo(RolloutOutcome.COMPLETED);
			assertThat(ended.totals().timedOut()).isEqualTo(3);
			assertThat(ended.totals().awaitingRetry()).isZero();
		}
	}

	@Test
	void givenTooManyFailuresThenTheAbortCriterionCancelsTheRolloutAndNoFurtherWaveStarts() {
		// Given 40 offline devices, 4 per 2-s wave, abort when 50% timed out after 8
		// executed
		String jobId = jobId();
		List<String> devices = devices(jobId, 40);
		Rollout rollout = new Rollout(120, null, 2, List.of(new AbortCriterion(FailureType.TIMED_OUT, 50.0, 8, null)),
				null, null, null, null, null);

		// When lockDoor rolls out
		try (WaveReporter reporter = new WaveReporter(this.kafka, jobId)) {
			this.kafka.send(jobId, lockDoor(jobId, devices, rollout));
			RolloutEnded ended = awaitEnded(jobId);

			// Then the rollout aborted after 8 or more executed devices, naming the
			// criterion
			RolloutAborted aborted = this.kafka.events(jobId, RolloutAborted.class).get(0);
			assertThat(aborted.executedDevices()).isGreaterThanOrEqualTo(8);
			assertThat(aborted.failurePercentage()).isEqualTo(100.0);
			assertThat(aborted.criterion().failureType()).isEqualTo(FailureType.TIMED_OUT);
			assertThat(ended.outcome()).isEqualTo(RolloutOutcome.ABORTED);
			assertThat(ended.reason()).contains("TIMED_OUT reached 100.0%");

			// And no wave started after the abort; most devices were never reached
			List<Object> events = this.kafka.events(jobId);
			int abortAt = events.indexOf(aborted);
			assertThat(events.subList(abortAt, events.size())).noneMatch(WaveStarted.class::isInstance);
			assertThat(ended.totals().notNotified()).isGreaterThanOrEqualTo(28);
		}
	}

	@Test
	void givenACancelThenTheRunningWavesAreCancelledAndTheRolloutEndsCancelled() {
		// Given a slow rollout (2 devices per 2-s wave) that has started
		String jobId = jobId();
		List<String> devices = devices(jobId, 20);
		try (WaveReporter reporter = new WaveReporter(this.kafka, jobId)) {
			this.kafka.send(jobId, twin(jobId, devices, new Rollout(60, null, 2, null, null, null, null, null, null)));
			this.kafka.awaitEvent(jobId, WaveStarted.class);

			// When it is cancelled
			this.kafka.send(jobId, Commands.cancel(jobId));
			RolloutEnded ended = awaitEnded(jobId);

			// Then it ends cancelled, with the reason, and no wave starts after the end
			assertThat(ended.outcome()).isEqualTo(RolloutOutcome.CANCELLED);
			assertThat(ended.reason()).contains("cancelled by ops-key");
			assertThat(ended.totals().notNotified()).isGreaterThan(10);
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(4))
				.until(() -> this.kafka.events(jobId, WaveStarted.class).size() == ended.waveCount());

			// And a second cancel fails: there is nothing left to cancel
			this.kafka.send(jobId, Commands.cancel(jobId));
			assertThat(
					this.kafka.awaitEvent(jobId, dev.fleetjobs.contracts.lifecycle.JobCancelFailed.class).errorCode())
				.isEqualTo("ROLLOUT_ENDED");
		}
	}

	@Test
	void givenContinuousTargetsThenDevicesThatMatchLaterAreReachedInTheNextWave() {
		// Given 4 devices of a prefix and a continuous rollout with 1-s waves
		String jobId = jobId();
		String prefix = "cont-" + jobId.substring(0, 8) + "-";
		IntStream.range(0, 4).forEach((i) -> TestHub.device(prefix + i));
		Rollout rollout = new Rollout(null, null, 1, null, null, TargetSelection.CONTINUOUS, null, null, null);
		ScheduleJob command = new ScheduleJob(jobId, null, JobType.TWIN_UPDATE,
				"STARTSWITH(deviceId, '" + prefix + "')", null, new TwinPatch(Map.of("building", 43), null),
				Instant.now(), 60, Map.of(), "rest", "ops-key", Commands.ACCEPTED, rollout);

		try (WaveReporter reporter = new WaveReporter(this.kafka, jobId)) {
			this.kafka.send(jobId, command);
			this.kafka.awaitEvent(jobId, WaveStarted.class);

			// When 3 more devices are registered after the start
			List<String> late = List.of(prefix + "late-1", prefix + "late-2", prefix + "late-3");
			late.forEach(TestHub::device);

			// Then they join and a wave reaches them within a wave period or two
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.kafka.events(jobId, DevicesJoined.class)
					.stream()
					.anyMatch(
							(joined) -> joined.selection() == TargetSelection.CONTINUOUS && joined.joinedCount() == 3));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> hubDevices(this.kafka.events(jobId, WaveStarted.class)).containsAll(late));

			// And the rollout does not end by itself; a cancel ends it
			assertThat(this.kafka.events(jobId, RolloutEnded.class)).isEmpty();
			this.kafka.send(jobId, Commands.cancel(jobId));
			assertThat(awaitEnded(jobId).totals().targeted()).isEqualTo(7);
		}
	}

	@Test
	void givenMaintenanceWindowsThenWavesStartOnlyInsideThem() {
		// Given windows of 2 s every 6 s and 6 devices per 1-s wave
		String jobId = jobId();
		List<String> devices = devices(jobId, 18);
		Rollout rollout = new Rollout(360, null, 1, null, null, null, null, null,
				List.of(new MaintenanceWindow("*/6 * * * * *", null, 2L, null)));

		try (WaveReporter reporter = new WaveReporter(this.kafka, jobId)) {
			this.kafka.send(jobId, twin(jobId, devices, rollout));
			RolloutEnded ended = awaitEnded(jobId);

			// Then every wave started inside a window, and the rollout paused and resumed
			assertThat(this.kafka.events(jobId, WaveStarted.class))
				.allSatisfy((wave) -> assertThat(wave.startedAt().getEpochSecond() % 6)
					.as("second of %s in its 6-s cycle", wave.startedAt())
					.isLessThan(2));
			assertThat(this.kafka.events(jobId, RolloutPaused.class)).isNotEmpty()
				.allSatisfy((paused) -> assertThat(paused.resumesAt().getEpochSecond() % 6).isZero());
			assertThat(this.kafka.events(jobId, RolloutResumed.class)).isNotEmpty();
			assertThat(ended.totals().succeeded()).isEqualTo(18);
		}
	}

	@Test
	void givenAnEndTimeThenTheRolloutStopsStartingWavesThere() {
		// Given 60 devices at 1 per 1-s wave and an end time 3 s away
		String jobId = jobId();
		List<String> devices = devices(jobId, 60);
		Instant end = Instant.now().plusSeconds(3);
		Rollout rollout = new Rollout(60, null, 1, null, null, null, end, null, null);

		try (WaveReporter reporter = new WaveReporter(this.kafka, jobId)) {
			this.kafka.send(jobId, twin(jobId, devices, rollout));
			RolloutEnded ended = awaitEnded(jobId);

			// Then it stopped at the end time: a few waves, no wave after it, the rest
			// not reached
			assertThat(ended.outcome()).isEqualTo(RolloutOutcome.STOPPED);
			assertThat(ended.reason()).contains("end time");
			assertThat(this.kafka.events(jobId, WaveStarted.class)).hasSizeBetween(2, 5)
				.allSatisfy((wave) -> assertThat(wave.startedAt()).isBefore(end));
			assertThat(ended.totals().notNotified()).isGreaterThan(50);
		}
	}

	@Test
	void givenTheSameRolloutAgainThenNothingHappensTwiceAndAnotherDefinitionIsDeadLettered() {
		// Given a rollout that was accepted
		String jobId = jobId();
		List<String> devices = devices(jobId, 2);
		ScheduleJob command = twin(jobId, devices, new Rollout(null, null, 1, null, null, null, null, null, null));
		try (WaveReporter reporter = new WaveReporter(this.kafka, jobId)) {
			this.kafka.send(jobId, command);
			awaitEnded(jobId);

			// When the same command comes again, and then one with another rollout
			this.kafka.send(jobId, command);
			this.kafka.send(jobId, twin(jobId, devices, new Rollout(5, null, 1, null, null, null, null, null, null)));

			// Then the second is a no-op and the third is dead-lettered as a conflict
			assertThat(KafkaTopics.header(this.kafka.awaitDeadLetter(jobId), "fleetjobs_dlt_error_code"))
				.isEqualTo("JOB_DEFINITION_CONFLICT");
			assertThat(this.kafka.events(jobId, RolloutAccepted.class)).hasSize(1);
			assertThat(this.kafka.events(jobId, WaveStarted.class)).hasSize(1);
		}
	}

	private RolloutEnded awaitEnded(String jobId) {
		return await().atMost(LONG)
			.until(() -> this.kafka.events(jobId, RolloutEnded.class).stream().findFirst().orElse(null),
					(ended) -> ended != null);
	}

	private static String jobId() {
		return UUID.randomUUID().toString();
	}

	private static List<String> devices(String jobId, int count) {
		List<String> devices = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			devices.add(TestHub.device("r-" + jobId.substring(0, 8) + "-" + i));
		}
		return devices;
	}

	/** The devices of the waves, as their hub jobs' conditions name them. */
	private static Set<String> hubDevices(List<WaveStarted> waves) {
		Set<String> devices = new HashSet<>();
		for (WaveStarted wave : waves) {
			devices.addAll(Literals.deviceIdsOf(TestHub.job(wave.hubJobId()).getQueryCondition()));
		}
		return devices;
	}

	private static ScheduleJob twin(String jobId, List<String> devices, Rollout rollout) {
		return new ScheduleJob(jobId, "req-" + jobId, JobType.TWIN_UPDATE, Literals.deviceIdIn(devices), null,
				new TwinPatch(Map.of("building", 43, "floor", 3), null), Instant.now(), 60, Map.of(), "rest", "ops-key",
				Commands.ACCEPTED, rollout);
	}

	private static ScheduleJob lockDoor(String jobId, List<String> devices, Rollout rollout) {
		return new ScheduleJob(jobId, "req-" + jobId, JobType.DEVICE_METHOD, Literals.deviceIdIn(devices),
				new MethodInvocation("lockDoor", Map.of("lockTime", "10m"), 5, 0), null, Instant.now(), 60, Map.of(),
				"rest", "ops-key", Commands.ACCEPTED, rollout);
	}

}
