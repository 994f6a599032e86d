package dev.fleetjobs.simulator.device;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.fleetjobs.simulator.device.FaultProperties.Churn;
import dev.fleetjobs.simulator.device.FaultProperties.Latency;
import dev.fleetjobs.simulator.device.FaultProperties.MethodFailures;
import dev.fleetjobs.simulator.device.MethodExpectation.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FaultPlanTests {

	private static final List<String> IDS = IntStream.range(0, 10_000).mapToObj((i) -> "lock-" + i).toList();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void theSameSeedHitsTheSameDevicesAndAnotherSeedOthers() {
		// Given
		FaultPlan plan = new FaultPlan(profile(7, 0.1, 0.1, Latency.NONE, Churn.NONE));
		FaultPlan again = new FaultPlan(profile(7, 0.1, 0.1, Latency.NONE, Churn.NONE));
		FaultPlan other = new FaultPlan(profile(8, 0.1, 0.1, Latency.NONE, Churn.NONE));

		// When
		List<String> offline = IDS.stream().filter((id) -> plan.faultsOf(id).offline()).toList();

		// Then
		assertThat(IDS.stream().filter((id) -> again.faultsOf(id).offline()).toList()).isEqualTo(offline);
		assertThat(IDS.stream().filter((id) -> other.faultsOf(id).offline()).toList()).isNotEqualTo(offline);
	}

	@Test
	void fractionsHitAboutThatShareOfDevices() {
		// Given
		FaultPlan plan = new FaultPlan(
				profile(1, 0.05, 0.2, Latency.NONE, new Churn(0.1, Duration.ofSeconds(60), Duration.ofSeconds(5))));

		// When
		long offline = IDS.stream().filter((id) -> plan.faultsOf(id).offline()).count();
		long failing = IDS.stream().filter((id) -> plan.faultsOf(id).failsMethod("lockDoor")).count();
		long churning = IDS.stream().filter((id) -> plan.faultsOf(id).churn() != null).count();

		// Then
		assertThat(offline / 10_000.0).isCloseTo(0.05, within(0.01));
		assertThat(failing / 10_000.0).isCloseTo(0.2, within(0.015));
		assertThat(churning / 10_000.0).isCloseTo(0.1 * 0.95, within(0.015));
	}

	@Test
	void latenciesStayInsideTheirDistribution() {
		// Given
		FaultPlan uniform = new FaultPlan(
				profile(1, 0, 0, Latency.uniform(Duration.ofMillis(100), Duration.ofMillis(300)), Churn.NONE));
		FaultPlan normal = new FaultPlan(profile(1, 0, 0,
				Latency.normal(Duration.ofMillis(200), Duration.ofMillis(50), Duration.ofMillis(400)), Churn.NONE));
		FaultPlan fixed = new FaultPlan(profile(1, 0, 0, Latency.fixed(Duration.ofMillis(250)), Churn.NONE));

		// When
		List<Long> uniformMillis = IDS.stream().map((id) -> uniform.faultsOf(id).latency().toMillis()).toList();
		List<Long> normalMillis = IDS.stream().map((id) -> normal.faultsOf(id).latency().toMillis()).toList();

		// Then
		assertThat(uniformMillis).allMatch((ms) -> ms >= 100 && ms <= 300);
		assertThat(uniformMillis.stream().mapToLong(Long::longValue).average().orElseThrow()).isCloseTo(200,
				within(5.0));
		assertThat(normalMillis).allMatch((ms) -> ms >= 0 && ms <= 400);
		assertThat(normalMillis.stream().mapToLong(Long::longValue).average().orElseThrow()).isCloseTo(200,
				within(3.0));
		assertThat(fixed.faultsOf("any").latency()).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void predictsOfflineFailingSlowAndHealthyDevices() {
		// Given
		FaultPlan plan = new FaultPlan(
				profile(3, 0.1, 0.1, Latency.uniform(Duration.ofMillis(0), Duration.ofSeconds(20)), Churn.NONE));

		// When / Then
		for (String id : IDS.subList(0, 2_000)) {
			DeviceFaults faults = plan.faultsOf(id);
			MethodExpectation expected = plan.expectMethod(id, "lockDoor", "{\"lockTime\":\"10m\"}", TIMEOUT);
			if (faults.offline()) {
				assertThat(expected).isEqualTo(new MethodExpectation(Outcome.DEVICE_NOT_ONLINE, 404, 404103, true));
			}
			else if (faults.latency().compareTo(TIMEOUT) >= 0) {
				assertThat(expected.outcome()).isEqualTo(Outcome.TIMED_OUT);
				assertThat(expected.errorCode()).isEqualTo(504101);
			}
			else {
				assertThat(expected.outcome()).isEqualTo(Outcome.ANSWERED);
				assertThat(expected.status()).isEqualTo(faults.failsMethod("lockDoor") ? 500 : 200);
				assertThat(expected.succeeds()).isEqualTo(!faults.failsMethod("lockDoor"));
			}
			boolean nearTheTimeout = faults.latency().minus(TIMEOUT).abs().compareTo(Duration.ofSeconds(1)) < 0;
			assertThat(expected.certain()).isEqualTo(faults.offline() || !nearTheTimeout);
		}
	}

	@Test
	void predictsTheDoorLocksOwnAnswersForUnknownMethodsAndBadPayloads() {
		// Given
		FaultPlan plan = FaultPlan.none();

		// When / Then
		assertThat(plan.expectMethod("d", "reboot", null, TIMEOUT).status()).isEqualTo(404);
		assertThat(plan.expectMethod("d", "lockDoor", "{\"lockTime\":\"x\"}", TIMEOUT).status()).isEqualTo(400);
		assertThat(plan.reportsDesired("d")).isTrue();
	}

	@Test
	void churningDevicesAnswerButTheirOutcomeIsNeverCertain() {
		// Given
		FaultPlan plan = new FaultPlan(
				profile(1, 0, 0, Latency.NONE, new Churn(1.0, Duration.ofSeconds(30), Duration.ofSeconds(2))));

		// When
		MethodExpectation expected = plan.expectMethod("d", "lockDoor", null, TIMEOUT);

		// Then
		assertThat(plan.faultsOf("d").churn().phase()).isLessThan(Duration.ofSeconds(30));
		assertThat(expected).isEqualTo(new MethodExpectation(Outcome.ANSWERED, 200, 0, false));
		assertThat(plan.reportsDesired("d")).isTrue();
	}

	@Test
	void offlineDevicesNeverReportDesiredProperties() {
		FaultPlan plan = new FaultPlan(profile(1, 1.0, 0, Latency.NONE, Churn.NONE));
		assertThat(plan.reportsDesired("d")).isFalse();
		assertThat(plan.faultsOf("d").churn()).isNull();
	}

	@Test
	void lateDevicesAreAboutTheirFractionOfThoseThatConnectAndTheirOutcomeIsUncertain() {
		// Given 10% offline for good and 20% of the others late by 20 s
		FaultPlan plan = new FaultPlan(new FaultProperties(3, 0.1, new MethodFailures(0, List.of("lockDoor")),
				Latency.NONE, Churn.NONE, new FaultProperties.Late(0.2, Duration.ofSeconds(20))));

		// When
		List<String> late = IDS.stream().filter((id) -> plan.faultsOf(id).isLate()).toList();

		// Then about 18% of all devices are late, none of them offline for good, each by
		// 20 s
		assertThat(late.size() / 10_000.0).isCloseTo(0.2 * 0.9, within(0.015));
		assertThat(late).allSatisfy((id) -> {
			assertThat(plan.faultsOf(id).offline()).isFalse();
			assertThat(plan.faultsOf(id).lateBy()).isEqualTo(Duration.ofSeconds(20));
			assertThat(plan.expectMethod(id, "lockDoor", "{}", TIMEOUT).certain()).isFalse();
			assertThat(plan.reportsDesired(id)).isTrue();
		});
	}

	static FaultProperties profile(long seed, double offline, double failing, Latency latency, Churn churn) {
		return new FaultProperties(seed, offline, new MethodFailures(failing, List.of("lockDoor", "unlockDoor")),
				latency, churn);
	}

}
