package dev.fleetjobs.executor.scheduling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.request.MethodInvocation;
import dev.fleetjobs.executor.testsupport.Commands;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Comparing what a command asks for with what the hub echoes back. */
class JobDefinitionTests {

	@Test
	void givenEqualJsonWrittenDifferentlyThenTheCanonicalTextsAreEqual() {
		// Given the same object with other key order, number spelling and hub metadata
		Map<String, Object> mine = new LinkedHashMap<>();
		mine.put("floor", 3);
		mine.put("building", 43);
		mine.put("nested", Map.of("b", List.of(1, 2.5), "a", "x"));
		String theirs = "{\"building\":43.0,\"$version\":4,\"nested\":{\"a\":\"x\",\"b\":[1.0,2.50]},\"floor\":3.00,"
				+ "\"$metadata\":{}}";

		// When both are made canonical
		// Then they are the same text
		assertThat(CanonicalJson.of(mine)).isEqualTo(CanonicalJson.ofJson(theirs))
			.isEqualTo("{\"building\":43,\"floor\":3,\"nested\":{\"a\":\"x\",\"b\":[1,2.5]}}");
	}

	@Test
	void givenDifferentValuesThenTheCanonicalTextsDiffer() {
		assertThat(CanonicalJson.of(Map.of("a", 1))).isNotEqualTo(CanonicalJson.of(Map.of("a", "1")));
		assertThat(CanonicalJson.of(List.of(1, 2))).isNotEqualTo(CanonicalJson.of(List.of(2, 1)));
		assertThat(CanonicalJson.of(null)).isEqualTo("null");
		assertThat(CanonicalJson.ofObject(null)).isEqualTo("{}");
	}

	@Test
	void givenACommandWithoutTimeoutsThenTheDefinitionHasTheHubsDefaults() {
		ScheduleJob command = Commands.withMethod(Commands.lockDoor("job-1", "door-1"),
				new MethodInvocation("lockDoor", null, null, null));

		JobDefinition definition = JobDefinition.of(command);

		assertThat(definition.responseTimeoutInSeconds()).isEqualTo(30);
		assertThat(definition.connectTimeoutInSeconds()).isZero();
		assertThat(definition.payload()).isEqualTo("null");
	}

	@Test
	void givenTwoDefinitionsThenEveryDifferingFieldIsNamed() {
		ScheduleJob command = Commands.lockDoor("job-1", "door-1");
		JobDefinition mine = JobDefinition.of(command);
		JobDefinition theirs = JobDefinition.of(Commands.withMethod(Commands.withQuery(command, "*"),
				new MethodInvocation("unlockDoor", Map.of("lockTime", "10m"), 10, 0)));

		assertThat(mine.differencesFrom(mine)).isEmpty();
		assertThat(mine.differencesFrom(theirs)).hasSize(2)
			.anySatisfy((difference) -> assertThat(difference).startsWith("queryCondition"))
			.anySatisfy((difference) -> assertThat(difference).startsWith("methodName"));
	}

	@Test
	void givenATwinUpdateThenItsDesiredPropertiesAndTagsArePartOfTheDefinition() {
		ScheduleJob command = Commands.buildingFloor("job-1", "door-1");

		JobDefinition definition = JobDefinition.of(command);

		assertThat(definition.desiredProperties()).isEqualTo("{\"building\":43,\"floor\":3}");
		assertThat(definition.tags()).isEqualTo("{\"site\":\"north\"}");
		assertThat(definition.methodName()).isNull();
	}

}
