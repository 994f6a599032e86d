package dev.fleetjobs.request.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.request.JobAction;
import dev.fleetjobs.contracts.request.JobRequest;
import dev.fleetjobs.contracts.request.JobTarget;
import dev.fleetjobs.contracts.request.MethodInvocation;
import dev.fleetjobs.contracts.request.TwinPatch;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobRequestValidatorTests {

	private static final Instant NOW = Instant.parse("2026-11-26T20:00:00Z");

	private static final JobTarget ONE_DEVICE = new JobTarget(null, List.of("door-1"), null);

	private static final JobAction LOCK_DOOR = new JobAction(
			new MethodInvocation("lockDoor", Map.of("lockTime", "10m"), null, null), null);

	private final JobRequestValidator validator = new JobRequestValidator(ValidationProperties.defaults(),
			JsonMapper.builder().build());

	@Test
	void givenTheTutorialMethodJobThenDefaultsAreFilledIn() {
		// Given the tutorial's lockDoor job on one device, started now
		JobRequest request = new JobRequest(null, ONE_DEVICE, LOCK_DOOR, null, null, null);

		// When it is validated
		ValidatedJob job = this.validator.validate(request, NOW);

		// Then it is a method job on that device with the hub's defaults
		assertThat(job.jobType()).isEqualTo(JobType.DEVICE_METHOD);
		assertThat(job.queryCondition()).isEqualTo("deviceId IN ['door-1']");
		assertThat(job.directMethod().responseTimeoutInSeconds()).isEqualTo(30);
		assertThat(job.directMethod().connectTimeoutInSeconds()).isZero();
		assertThat(job.startTime()).isEqualTo(NOW);
		assertThat(job.maxExecutionTimeInSeconds()).isEqualTo(3600);
		assertThat(job.labels()).isEmpty();
	}

	@Test
	void givenTheTutorialTwinJobOnTagsThenTheConditionIsBuiltFromTheTags() {
		JobRequest request = new JobRequest("bms-1", new JobTarget(null, null, Map.of("building", 43)),
				new JobAction(null, new TwinPatch(Map.of("building", 43, "floor", 3), null)), NOW.plusSeconds(60), 60L,
				Map.of("ticket", "T-1"));

		ValidatedJob job = this.validator.validate(request, NOW);

		assertThat(job.jobType()).isEqualTo(JobType.TWIN_UPDATE);
		assertThat(job.queryCondition()).isEqualTo("tags.building = 43");
		assertThat(job.twinUpdate().desiredProperties()).containsEntry("floor", 3);
		assertThat(job.maxExecutionTimeInSeconds()).isEqualTo(60);
	}

	@Test
	void givenABadMethodNameThenTheViolationNamesTheFieldAndTheCharacter() {
		JobRequest request = new JobRequest(null, ONE_DEVICE,
				new JobAction(new MethodInvocation("lock/Door", null, null, null), null), null, null, null);

		assertThatThrownBy(() -> this.validator.validate(request, NOW)).isInstanceOf(InvalidJobRequestException.class)
			.hasMessageStartingWith("action.directMethod.methodName: must not contain '/'");
	}

	@Test
	void givenManyMistakesThenEveryViolationIsReportedWithItsField() {
		// Given a request that breaks many rules at once
		JobRequest request = new JobRequest(" ", new JobTarget(null, List.of("ok", "bad id", "ok"), null),
				new JobAction(new MethodInvocation("", "x".repeat(140_000), 4, 301), null),
				NOW.minus(Duration.ofDays(2)), 0L, Map.of("bad key!", "v"));

		// When it is validated
		Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> this.validator.validate(request, NOW));

		// Then each violation names its field
		assertThat(((InvalidJobRequestException) thrown).violations()).extracting(Violation::field)
			.containsExactlyInAnyOrder("requestId", "target.deviceIds[1]", "target.deviceIds[2]",
					"action.directMethod.methodName", "action.directMethod.payload",
					"action.directMethod.responseTimeoutInSeconds", "action.directMethod.connectTimeoutInSeconds",
					"startTime", "maxExecutionTimeInSeconds", "labels.bad key!");
		assertThat(((InvalidJobRequestException) thrown).violations()).extracting(Violation::code)
			.containsOnly(Violation.VALIDATION_FAILED);
	}

	@Test
	void givenTargetAndActionShapeErrorsThenTheyAreNamed() {
		assertViolation(new JobRequest(null, null, LOCK_DOOR, null, null, null), "target", "is required");
		assertViolation(new JobRequest(null, new JobTarget("*", List.of("a"), null), LOCK_DOOR, null, null, null),
				"target", "exactly one of queryCondition, deviceIds or tags");
		assertViolation(new JobRequest(null, ONE_DEVICE, null, null, null, null), "action", "is required");
		assertViolation(new JobRequest(null, ONE_DEVICE, new JobAction(null, null), null, null, null), "action",
				"exactly one of directMethod or twinUpdate");
		assertViolation(
				new JobRequest(null, ONE_DEVICE, new JobAction(null, new TwinPatch(Map.of(), null)), null, null, null),
				"action.twinUpdate", "desiredProperties and/or tags");
		assertViolation(new JobRequest(null, new JobTarget(null, List.of(), null), LOCK_DOOR, null, null, null),
				"target.deviceIds", "must not be empty");
		assertViolation(new JobRequest(null, new JobTarget(null, null, Map.of("floor", List.of(3))), LOCK_DOOR, null,
				null, null), "target.tags.floor", "string, number or boolean");
		assertViolation(
				new JobRequest(null, new JobTarget(null, null, Map.of("my-tag", 3)), LOCK_DOOR, null, null, null),
				"target.tags.my-tag", "identifiers");
		assertViolation(new JobRequest(null, new JobTarget("tags.x = ", null, null), LOCK_DOOR, null, null, null),
				"target.queryCondition", "invalid query condition");
		assertViolation(new JobRequest(null, ONE_DEVICE, LOCK_DOOR, NOW.plus(Duration.ofDays(400)), null, null),
				"startTime", "in the future");
		assertViolation(new JobRequest(null, ONE_DEVICE, LOCK_DOOR, null, 999_999_999L, null),
				"maxExecutionTimeInSeconds", "must be 1..604800");
	}

	@Test
	void givenTwinPatchesThatBreakTheHubRulesThenTheKeyPathIsNamed() {
		assertViolation(twin(Map.of("$version", 3)), "action.twinUpdate.desiredProperties.$version", "'$'");
		assertViolation(twin(Map.of("a", Map.of("b.c", 1))), "action.twinUpdate.desiredProperties.a.b.c", "'.'");
		assertViolation(twin(Map.of("text", "x".repeat(5000))), "action.twinUpdate.desiredProperties.text", "4 KB");
		Map<String, Object> deep = Map.of("v", 1);
		for (int i = 0; i < 11; i++) {
			deep = Map.of("n", deep);
		}
		assertViolation(twin(deep), "action.twinUpdate.desiredProperties" + ".n".repeat(10),
				"deeper than the hub's 10");
		Map<String, Object> big = Collections.unmodifiableMap(new java.util.HashMap<>(IntStream.range(0, 40)
			.boxed()
			.collect(java.util.stream.Collectors.toMap((i) -> "k" + i, (i) -> "v".repeat(1000)))));
		assertViolation(twin(big), "action.twinUpdate.desiredProperties", "more than the hub's 32768");
	}

	@Test
	void givenTooManyDeviceIdsForTheHubQueryLengthThenTheListIsRefused() {
		List<String> ids = IntStream.range(0, 900).mapToObj((i) -> "device-with-a-long-name-" + i).toList();

		assertViolation(new JobRequest(null, new JobTarget(null, ids, null), LOCK_DOOR, null, null, null),
				"target.deviceIds", "more than the hub's 8192");
	}

	@Test
	void givenADuplicateDeviceIdThenTheViolationPointsAtTheFirstOne() {
		assertViolation(
				new JobRequest(null, new JobTarget(null, List.of("a", "b", "a"), null), LOCK_DOOR, null, null, null),
				"target.deviceIds[2]", "duplicate of target.deviceIds[0]");
	}

	private static JobRequest twin(Map<String, Object> desired) {
		return new JobRequest(null, ONE_DEVICE, new JobAction(null, new TwinPatch(desired, null)), null, null, null);
	}

	private void assertViolation(JobRequest request, String field, String message) {
		assertThatThrownBy(() -> this.validator.validate(request, NOW)).isInstanceOf(InvalidJobRequestException.class)
			.satisfies((ex) -> assertThat(((InvalidJobRequestException) ex).violations()).anySatisfy((violation) -> {
				assertThat(violation.field()).isEqualTo(field);
				assertThat(violation.message()).contains(message);
			}));
	}

}
