package dev.fleetjobs.request.validation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.contracts.request.JobAction;
import dev.fleetjobs.contracts.request.JobRequest;
import dev.fleetjobs.contracts.request.JobTarget;
import dev.fleetjobs.contracts.request.MethodInvocation;
import dev.fleetjobs.contracts.rollout.AbortAction;
import dev.fleetjobs.contracts.rollout.AbortCriterion;
import dev.fleetjobs.contracts.rollout.EndBehavior;
import dev.fleetjobs.contracts.rollout.ExponentialRate;
import dev.fleetjobs.contracts.rollout.FailureType;
import dev.fleetjobs.contracts.rollout.MaintenanceWindow;
import dev.fleetjobs.contracts.rollout.RateIncreaseCriteria;
import dev.fleetjobs.contracts.rollout.RetryCriterion;
import dev.fleetjobs.contracts.rollout.Rollout;
import dev.fleetjobs.contracts.rollout.TargetSelection;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolloutRulesTests {

	private static final Instant NOW = Instant.parse("2026-12-06T20:00:00Z");

	private static final JobTarget FLOOR = new JobTarget("tags.floor = 3", null, null);

	private static final JobAction LOCK_DOOR = new JobAction(new MethodInvocation("lockDoor", null, null, null), null);

	private final JobRequestValidator validator = new JobRequestValidator(ValidationProperties.defaults(),
			JsonMapper.builder().build());

	@Test
	void givenEverySettingWithinItsLimitsThenTheRolloutIsKeptAsRequested() {
		Rollout rollout = new Rollout(1000, new ExponentialRate(50, 2.0, new RateIncreaseCriteria(100, null)), 5,
				List.of(new AbortCriterion(FailureType.FAILED, 20.0, 50, AbortAction.CANCEL)),
				List.of(new RetryCriterion(FailureType.TIMED_OUT, 10, 20, 1.5)), TargetSelection.CONTINUOUS,
				NOW.plusSeconds(3600), EndBehavior.CANCEL,
				List.of(new MaintenanceWindow("*/10 * * * *", null, 120L, "Europe/Berlin")));

		ValidatedJob job = validate(rollout, null);

		assertThat(job.rollout()).isEqualTo(rollout);
	}

	@Test
	void givenAnEmptyRolloutThenItIsValid() {
		Rollout rollout = new Rollout(null, null, null, null, null, null, null, null, null);

		assertThat(validate(rollout, null).rollout()).isEqualTo(rollout);
	}

	@Test
	void givenRatesOutOfRangeThenEachIsNamed() {
		Rollout rollout = new Rollout(0, new ExponentialRate(200_000, 7.0, new RateIncreaseCriteria(null, null)), 0,
				null, null, null, null, null, null);

		assertThat(violations(rollout, null)).containsExactly("rollout.maxDevicesPerMinute: must be 1..100000",
				"rollout.exponential.baseRatePerMinute: must be 1..100000",
				"rollout.exponential.incrementFactor: must be 1.1..5.0",
				"rollout.exponential.rateIncreaseCriteria: give exactly one of numberOfNotifiedDevices or numberOfSucceededDevices",
				"rollout.waveIntervalInSeconds: must be 1..3600");
	}

	@Test
	void givenAnExponentialRateAboveItsCapThenItIsRefused() {
		Rollout rollout = new Rollout(100, new ExponentialRate(200, 2.0, new RateIncreaseCriteria(null, 10)), null,
				null, null, null, null, null, null);

		assertThat(violations(rollout, null)).containsExactly(
				"rollout.exponential.baseRatePerMinute: must not exceed maxDevicesPerMinute (100), which caps the growing rate");
	}

	@Test
	void givenThresholdsOver100OrMissingThenTheyAreRefused() {
		Rollout rollout = new Rollout(null, null, null, List.of(new AbortCriterion(FailureType.ALL, 120.0, 0, null),
				new AbortCriterion(null, null, null, null), new AbortCriterion(FailureType.FAILED, 0.0, null, null)),
				null, null, null, null, null);

		assertThat(violations(rollout, null)).containsExactly(
				"rollout.abort[0].thresholdPercentage: must be above 0 and at most 100",
				"rollout.abort[0].minNumberOfExecutedDevices: must be at least 1",
				"rollout.abort[1].failureType: is required", "rollout.abort[1].thresholdPercentage: is required",
				"rollout.abort[2].thresholdPercentage: must be above 0 and at most 100");
	}

	@Test
	void givenRetriesBeyondTheLimitsOrTwicePerTypeThenTheyAreRefused() {
		Rollout rollout = new Rollout(null, null, null, null,
				List.of(new RetryCriterion(FailureType.FAILED, 11, -1, 0.5),
						new RetryCriterion(FailureType.FAILED, 1, null, null),
						new RetryCriterion(FailureType.ALL, 1, null, null)),
				null, null, null, null);

		assertThat(violations(rollout, null)).containsExactly("rollout.retry[0].numberOfRetries: must be 1..10",
				"rollout.retry[0].backoffInSeconds: must be 0..3600",
				"rollout.retry[0].backoffMultiplier: must be 1.0..10.0",
				"rollout.retry[1].failureType: a second retry criterion for FAILED (the first is rollout.retry[0])",
				"rollout.retry[2].failureType: ALL covers FAILED and TIMED_OUT and cannot be combined with another retry criterion (see rollout.retry[0])");
	}

	@Test
	void givenAnEndTimeBeforeTheStartOrAnEndBehaviorWithoutOneThenTheyAreRefused() {
		Rollout past = new Rollout(null, null, null, null, null, null, NOW.minusSeconds(1), null, null);
		Rollout beforeStart = new Rollout(null, null, null, null, null, null, NOW.plusSeconds(60), null, null);
		Rollout behaviourAlone = new Rollout(null, null, null, null, null, null, null, EndBehavior.CANCEL, null);

		assertThat(violations(past, null)).containsExactly("rollout.endTime: must be in the future");
		assertThat(violations(beforeStart, NOW.plusSeconds(120)))
			.containsExactly("rollout.endTime: must be after the start time 2026-12-06T20:02:00Z");
		assertThat(violations(behaviourAlone, null)).containsExactly("rollout.endBehavior: only with an endTime");
	}

	@Test
	void givenBadWindowsThenEachIsNamedWithItsProblem() {
		Rollout rollout = new Rollout(null, null, null, null, null, null, null, null,
				List.of(new MaintenanceWindow("0 22 * *", null, 60L, null),
						new MaintenanceWindow("0 22 * * *", NOW, 60L, null),
						new MaintenanceWindow("0 22 * * *", null, 0L, null),
						new MaintenanceWindow("0 22 * * *", null, 60L, "Mars/Olympus"),
						new MaintenanceWindow("x".repeat(201), null, 60L, null)));

		assertThat(violations(rollout, null)).containsExactly(
				"rollout.maintenanceWindows[0]: cron '0 22 * *' is not a cron expression: it has 4 fields, not 5 or 6",
				"rollout.maintenanceWindows[1]: give exactly one of cron and startTime",
				"rollout.maintenanceWindows[2]: durationInSeconds must be 1..604800",
				"rollout.maintenanceWindows[3]: timeZone 'Mars/Olympus' is not a known time zone",
				"rollout.maintenanceWindows[4].cron: at most 200 characters");
	}

	@Test
	void givenWindowsThatNeverOpenBeforeTheEndTimeThenTheyAreRefused() {
		// February 30 never comes; a one-off window that is over; one after the end time
		Rollout never = new Rollout(null, null, null, null, null, null, null, null,
				List.of(new MaintenanceWindow("0 0 30 2 *", null, 3600L, null)));
		Rollout over = new Rollout(null, null, null, null, null, null, null, null,
				List.of(new MaintenanceWindow(null, NOW.minusSeconds(7200), 3600L, null)));
		Rollout afterEnd = new Rollout(null, null, null, null, null, null, NOW.plusSeconds(600), null,
				List.of(new MaintenanceWindow("0 3 * * *", null, 3600L, "UTC")));

		assertThat(violations(never, null)).singleElement()
			.asString()
			.startsWith("rollout.maintenanceWindows: no window opens between the start time 2026-12-06T20:00:00Z "
					+ "and the 366 days after it");
		assertThat(violations(over, null)).singleElement().asString().endsWith("so no wave could ever start");
		assertThat(violations(afterEnd, null)).singleElement()
			.asString()
			.contains("and the end time 2026-12-06T20:10:00Z");
	}

	@Test
	void givenAWindowOpenNowOrOpeningBeforeTheEndThenItIsValid() {
		Rollout openNow = new Rollout(null, null, null, null, null, null, null, null,
				List.of(new MaintenanceWindow(null, NOW.minusSeconds(60), 3600L, null)));
		Rollout opensSoon = new Rollout(null, null, null, null, null, null, NOW.plusSeconds(600), null,
				List.of(new MaintenanceWindow("5 20 * * *", null, 60L, null)));

		assertThat(validate(openNow, null).rollout()).isEqualTo(openNow);
		assertThat(validate(opensSoon, null).rollout()).isEqualTo(opensSoon);
	}

	private ValidatedJob validate(Rollout rollout, Instant startTime) {
		return this.validator.validate(new JobRequest(null, FLOOR, LOCK_DOOR, startTime, null, Map.of(), rollout), NOW);
	}

	private List<String> violations(Rollout rollout, Instant startTime) {
		List<String> violations = new java.util.ArrayList<>();
		assertThatThrownBy(() -> validate(rollout, startTime)).isInstanceOf(InvalidJobRequestException.class)
			.satisfies((ex) -> ((InvalidJobRequestException) ex).violations()
				.forEach((violation) -> violations.add(violation.field() + ": " + violation.message())));
		return violations;
	}

}
