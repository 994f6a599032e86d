package dev.fleetjobs.e2e.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.contracts.rollout.DevicesJoined;
import dev.fleetjobs.contracts.rollout.RolloutAborted;
import dev.fleetjobs.contracts.rollout.RolloutEnded;
import dev.fleetjobs.contracts.rollout.RolloutOutcome;
import dev.fleetjobs.contracts.rollout.TargetSelection;
import dev.fleetjobs.contracts.rollout.WaveStarted;
import dev.fleetjobs.launcher.stack.ManagedProcess;
import dev.fleetjobs.launcher.stack.StackComponents;
import dev.fleetjobs.e2e.support.SharedStackSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rollouts through the whole system: requests over REST, the executor's waves on the
 * emulator, the status service's results, and simulated fleets of their own (extra
 * simulator processes with their own ids, tags and faults). Scaled for CI; the issue's
 * full sizes with {@code -Dfleetjobs.e2e.rollout.devices=1000
 * -Dfleetjobs.e2e.rollout.rate=200}.
 */
class RolloutIT extends SharedStackSupport {

	private static final int RATE_DEVICES = Integer.getInteger("fleetjobs.e2e.rollout.devices", 120);

	private static final int RATE = Integer.getInteger("fleetjobs.e2e.rollout.rate", 1200);

	private static final int WAVE_INTERVAL = 2;

	private static final List<ManagedProcess> FLEETS = new ArrayList<>();

	private static int nextPort;

	@BeforeAll
	static void start() {
		nextPort = stack.settings().ports().simulator() + 100;
		List<ManagedProcess> started = List.of(fleet("rate", RATE_DEVICES, Map.of()),
				fleet("abort", 100, Map.of("FLEETJOBS_SIMULATOR_FAULTS_METHODFAILURES_FRACTION", "0.3",
						"FLEETJOBS_SIMULATOR_FAULTS_METHODFAILURES_METHODS", "lockDoor")));
		started.forEach((fleet) -> fleet.awaitHealthy(Duration.ofSeconds(120)));
	}

	@AfterAll
	static void stop() {
		FLEETS.forEach((fleet) -> fleet.stop(Duration.ofSeconds(10)));
	}

	@Test
	void givenAConstantRate_whenRolledOut_thenWavesFollowTheRateAndEveryDeviceSucceeds() {
		String jobId = jobs.submit(lockDoor("rate", rollout(Map.of("maxDevicesPerMinute", RATE))));

		JobProgress done = jobs.awaitFinal(jobId, Duration.ofSeconds(120 + RATE_DEVICES * 60L / RATE));

		List<WaveStarted> waves = jobs.rolloutEvents(jobId, WaveStarted.class);
		assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(done.statistics().succeededCount()).isEqualTo(RATE_DEVICES);
		assertThat(waves).extracting(WaveStarted::wave).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(2);
		WaveStarted first = waves.get(0);
		WaveStarted last = waves.get(waves.size() - 1);
		double seconds = Duration.between(first.startedAt(), last.startedAt()).toMillis() / 1000.0;
		double observed = (RATE_DEVICES - first.deviceCount()) * 60 / seconds;
		System.out.printf("[rollout] %d devices at %d/min: %d waves over %.1f s, observed rate %.0f/min%n",
				RATE_DEVICES, RATE, waves.size(), seconds, observed);
		assertThat(observed).as("devices per minute after the first wave").isBetween(RATE * 0.9, RATE * 1.1);
		assertThat(latest(jobs.results(jobId))).hasSize(RATE_DEVICES)
			.allSatisfy((device, result) -> assertThat(result.status()).isEqualTo(DeviceJobStatus.COMPLETED));
	}

	@Test
	void givenThirtyPercentFailing_whenTheAbortThresholdIsTwentyAfterFifty_thenTheRolloutCancelsAndSaysWhy() {
		String jobId = jobs.submit(lockDoor("abort",
				rollout(Map.of("maxDevicesPerMinute", 600, "waveIntervalInSeconds", 4, "abort",
						List.of(Map.of("failureType", "FAILED", "thresholdPercentage", 20, "minNumberOfExecutedDevices",
								50, "action", "CANCEL"))))));

		JobProgress done = jobs.awaitFinal(jobId, Duration.ofSeconds(120));

		assertThat(done.status()).isEqualTo(JobStatus.CANCELLED);
		assertThat(done.failureReason()).startsWith("ABORTED: FAILED reached");
		RolloutAborted aborted = jobs.rolloutEvents(jobId, RolloutAborted.class).get(0);
		assertThat(aborted.executedDevices()).isGreaterThanOrEqualTo(50);
		assertThat(aborted.failurePercentage()).isGreaterThanOrEqualTo(20.0);
		assertThat(100.0 * aborted.failedDevices() / aborted.executedDevices()).isGreaterThanOrEqualTo(20.0);
		List<String> lifecycle = jobs.lifecycle(jobId);
		assertThat(lifecycle.lastIndexOf("WaveStarted")).as("no wave starts after the abort")
			.isLessThan(lifecycle.indexOf("RolloutAborted"));
		assertThat(jobs.rolloutEvents(jobId, RolloutEnded.class)).singleElement()
			.satisfies((ended) -> assertThat(ended.outcome()).isEqualTo(RolloutOutcome.ABORTED));
		assertThat(latest(jobs.results(jobId))).as("devices never reached").hasSizeLessThan(100);
		System.out.printf("[rollout] abort: %s; %d of 100 devices reached%n", aborted.reason(),
				latest(jobs.results(jobId)).size());
	}

	@Test
	void givenTenPercentOfflineForTwentySeconds_whenRetried_thenRetriesReachThemWithAttemptNumbersAndNoDuplicates() {
		ManagedProcess late = fleet("late", 50, Map.of("FLEETJOBS_SIMULATOR_FAULTS_LATE_FRACTION", "0.1",
				"FLEETJOBS_SIMULATOR_FAULTS_LATE_DELAY", "20s"));
		late.awaitHealthy(Duration.ofSeconds(120));
		String jobId = jobs.submit(lockDoor("late", rollout(Map.of("maxDevicesPerMinute", 3000, "retry", List.of(Map
			.of("failureType", "TIMED_OUT", "numberOfRetries", 8, "backoffInSeconds", 4, "backoffMultiplier", 1.5))))));

		JobProgress done = jobs.awaitFinal(jobId, Duration.ofSeconds(180));

		List<DeviceResult> results = jobs.results(jobId);
		assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(results).as("one result per device and attempt")
			.extracting((result) -> result.deviceId() + "#" + result.attempt())
			.doesNotHaveDuplicates();
		Map<String, DeviceResult> latest = latest(results);
		assertThat(latest).hasSize(50)
			.allSatisfy((device, result) -> assertThat(result.status()).isEqualTo(DeviceJobStatus.COMPLETED));
		Set<String> retried = latest.values()
			.stream()
			.filter((result) -> result.attempt() > 1)
			.map(DeviceResult::deviceId)
			.collect(Collectors.toSet());
		assertThat(retried).as("the late devices, reached by a retry").isNotEmpty().hasSizeLessThan(15);
		assertThat(results.stream().filter((result) -> retried.contains(result.deviceId()) && result.attempt() == 1))
			.as("their first attempt found them offline")
			.allSatisfy((result) -> assertThat(result.status()).isEqualTo(DeviceJobStatus.FAILED))
			.hasSize(retried.size());
		assertThat(done.deviceResultCount()).isEqualTo(results.size());
		System.out.printf("[rollout] retries: %d late devices reached at attempts %s%n", retried.size(),
				latest.values().stream().map(DeviceResult::attempt).filter((a) -> a > 1).sorted().toList());
	}

	@Test
	void givenAContinuousRollout_whenFiftyDevicesJoinLater_thenTheyGetTheMethodWithinOneWavePeriod() {
		String jobId = jobs.submit(lockDoor("joiners",
				rollout(Map.of("maxDevicesPerMinute", 6000, "targetSelection", "CONTINUOUS", "retry",
						List.of(Map.of("failureType", "TIMED_OUT", "numberOfRetries", 3, "backoffInSeconds", 1,
								"backoffMultiplier", 1.0))))));
		jobs.awaitProgress(jobId, (progress) -> progress.status() == JobStatus.RUNNING, Duration.ofSeconds(60));

		ManagedProcess joiners = fleet("joiners", 50, Map.of());
		joiners.awaitHealthy(Duration.ofSeconds(120));
		Instant online = Instant.now();
		await("50 joiners reached").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> latest(jobs.results(jobId)).values()
				.stream()
				.filter((result) -> result.status() == DeviceJobStatus.COMPLETED)
				.count() == 50);
		Instant reached = Instant.now();
		jobs.api().cancel(jobId);
		JobProgress done = jobs.awaitFinal(jobId, Duration.ofSeconds(60));

		assertThat(jobs.rolloutEvents(jobId, DevicesJoined.class))
			.filteredOn((e) -> e.selection() == TargetSelection.CONTINUOUS)
			.isNotEmpty();
		double lag = Duration.between(online, reached).toMillis() / 1000.0;
		System.out.printf("[rollout] continuous: 50 joiners reached %.1f s after their fleet was online%n", lag);
		assertThat(lag).as("seconds from online to reached (one wave period is %d s)", WAVE_INTERVAL)
			.isLessThanOrEqualTo(WAVE_INTERVAL + 3.0);
		assertThat(done.status()).isEqualTo(JobStatus.CANCELLED);
		assertThat(jobs.rolloutEvents(jobId, RolloutEnded.class)).singleElement()
			.satisfies((ended) -> assertThat(ended.outcome()).isEqualTo(RolloutOutcome.CANCELLED));
	}

	@Test
	void givenTheExecutorKilledMidRollout_whenRestarted_thenTheRolloutResumesWithNoWaveTwiceAndNoDeviceTwice() {
		ManagedProcess executor = stack.process(StackComponents.EXECUTOR);
		Map<String, Object> target = Map.of("queryCondition", "tags.building >= 5");
		String jobId = jobs.submit(lockDoor(target, rollout(Map.of("maxDevicesPerMinute", 1800))));
		await("the first wave").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !jobs.events(jobId, WaveStarted.class).isEmpty());

		executor.kill();
		executor.start();
		executor.awaitHealthy(Duration.ofSeconds(120));
		JobProgress done = jobs.awaitFinal(jobId, Duration.ofSeconds(180));

		List<WaveStarted> waves = jobs.rolloutEvents(jobId, WaveStarted.class);
		List<DeviceResult> results = jobs.results(jobId);
		assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(waves).extracting(WaveStarted::wave).as("each wave started once").doesNotHaveDuplicates();
		assertThat(waves).extracting(WaveStarted::hubJobId).doesNotHaveDuplicates();
		assertThat(results).as("no device called twice in one attempt")
			.extracting((result) -> result.deviceId() + "#" + result.attempt())
			.doesNotHaveDuplicates();
		assertThat(latest(results)).hasSize(done.statistics().deviceCount())
			.allSatisfy((device, result) -> assertThat(result.status()).isEqualTo(DeviceJobStatus.COMPLETED));
		System.out.printf("[rollout] kill -9: %d waves, %d devices, each once%n", waves.size(), results.size());
	}

	/** Starts another simulated fleet: ids {@code <cohort>-<n>}, tag {@code cohort}. */
	private static ManagedProcess fleet(String cohort, int devices, Map<String, String> faults) {
		Map<String, String> env = new LinkedHashMap<>(faults);
		env.put("FLEETJOBS_SIMULATOR_FLEET_IDPATTERN", "ro-" + cohort + "-{n}");
		env.put("FLEETJOBS_SIMULATOR_FLEET_BUILDINGS", "1");
		env.put("FLEETJOBS_SIMULATOR_FLEET_FLOORS", "1");
		env.put("FLEETJOBS_SIMULATOR_FLEET_TAGS_COHORT", cohort);
		// not "door-lock": jobs of other tests on the shared fleet's kind must not reach
		// these
		env.put("FLEETJOBS_SIMULATOR_FLEET_TAGS_KIND", "rollout-lock");
		ManagedProcess fleet = stack.components()
			.simulator(StackComponents.SIMULATOR + "-" + cohort, nextPort++, devices, env)
			.start();
		FLEETS.add(fleet);
		return fleet;
	}

	private static Map<String, Object> rollout(Map<String, Object> settings) {
		Map<String, Object> rollout = new LinkedHashMap<>(Map.of("waveIntervalInSeconds", WAVE_INTERVAL));
		rollout.putAll(settings);
		return rollout;
	}

	private static Map<String, Object> lockDoor(String cohort, Map<String, Object> rollout) {
		return lockDoor(Map.of("tags", Map.of("cohort", cohort)), rollout);
	}

	private static Map<String, Object> lockDoor(Map<String, Object> target, Map<String, Object> rollout) {
		return Map.of("target", target, "action",
				Map.of("directMethod",
						Map.of("methodName", "lockDoor", "payload", Map.of("lockTime", "10m"),
								"responseTimeoutInSeconds", 10)),
				"maxExecutionTimeInSeconds", 60, "startTime", Instant.now().toString(), "rollout", rollout);
	}

	/** Each device's latest attempt. */
	private static Map<String, DeviceResult> latest(List<DeviceResult> results) {
		return results.stream()
			.collect(Collectors.toMap(DeviceResult::deviceId, Function.identity(),
					(a, b) -> (a.attempt() >= b.attempt()) ? a : b));
	}

}
