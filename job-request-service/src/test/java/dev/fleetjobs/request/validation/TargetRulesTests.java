package dev.fleetjobs.request.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.fleetjobs.contracts.request.JobTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A target's {@code queryCondition} goes through IoT Hub's query language (the shared
 * iot-hub-query module, whose own tests cover the grammar case by case); these tests pin
 * what this service promises in its README.
 */
class TargetRulesTests {

	private final TargetRules rules = new TargetRules(1000);

	@ParameterizedTest
	@ValueSource(strings = { "*", "deviceId = 'door-1'", "DeviceId in ['door-1', 'o\\'brien']",
			"tags.building = 43 and (tags.floor = 3 or tags.floor = 4)", "NOT tags.decommissioned = true",
			"deviceId NIN ['a', \"b\"]", "IS_DEFINED(tags.location)",
			"STARTSWITH(deviceId, 'door-') AND ENDSWITH(deviceId, '-3')",
			"properties.reported.temperature * 1.8 + 32 >= 80", "tags.mask = 0xFF AND tags.ratio = -1.5e3",
			"tags.x = undefined OR tags.y != null", "properties.reported.$metadata.$lastUpdated > '2026-01-01'" })
	void givenAConditionTheHubTakesThenItIsTheJobsConditionStripped(String condition) {
		List<Violation> violations = new ArrayList<>();

		String accepted = this.rules.condition(new JobTarget("  " + condition + "\n", null, null), violations);

		assertThat(violations).isEmpty();
		assertThat(accepted).isEqualTo(condition);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					deviceId = 'a'; DROP TABLE devices      | Unexpected character ';' at character 15
					deviceId = 'a' -- comment               | Comments are not part of the query language at character 16
					deviceId = 'a' /* x */                  | Comments are not part of the query language at character 16
					SELECT * FROM devices WHERE x = 1       | 'SELECT' is not allowed: give only the condition (the WHERE part) at character 1
					x = 1 UNION SELECT 1                    | 'UNION' is not allowed: give only the condition (the WHERE part) at character 7
					FROM devices.modules WHERE x = 1        | 'FROM' is not allowed
					deviceId = 'a') OR (1 = 1               | Unexpected ')' at character 15
					(deviceId = 'a'                         | Expected ')', found end of query at character 16
					deviceId = 'unterminated                | Unterminated string at character 12
					(a = 1) = 2                             | '=' compares values, not conditions at character 9
					a = 1 AND 5                             | 'AND' needs a condition on each side, not a value at character 7
					1 + 2                                   | The condition must be true or false
					STARTS_WITH(deviceId, 'a')              | Unknown function 'STARTS_WITH'; use STARTSWITH (the underscore form is for message routing) at character 1
					LOWER(deviceId) = 'a'                   | Unknown function 'LOWER'
					deviceId NOT IN ['a']                   | use NIN for 'not in' at character 10
					x IN [y]                                | an array holds only string, number, boolean or null constants at character 7
					""")
	void givenAConditionTheHubRefusesThenTheViolationNamesTheProblemAndItsPosition(String condition, String message) {
		List<Violation> violations = new ArrayList<>();

		String accepted = this.rules.condition(new JobTarget(condition, null, null), violations);

		assertThat(accepted).isNull();
		assertThat(violations).singleElement().satisfies((violation) -> {
			assertThat(violation.field()).isEqualTo("target.queryCondition");
			assertThat(violation.code()).isEqualTo(Violation.VALIDATION_FAILED);
			assertThat(violation.message()).startsWith("invalid query condition: ")
				.contains(message)
				.containsPattern("at character \\d+$");
		});
	}

	@Test
	void givenNestingDeeperThan64LevelsThenARefusalAndNoStackOverflow() {
		List<Violation> violations = new ArrayList<>();

		this.rules.condition(new JobTarget("(".repeat(4000) + "a = 1" + ")".repeat(4000), null, null), violations);

		assertThat(violations).singleElement()
			.extracting(Violation::message)
			.asString()
			.contains("nests too deeply (more than 64 levels)");
	}

	@Test
	void givenAConditionLongerThanTheHubsLimitThenItIsRefusedBeforeParsing() {
		List<Violation> violations = new ArrayList<>();
		String condition = "deviceId IN ['" + "a".repeat(8192) + "']";

		this.rules.condition(new JobTarget(condition, null, null), violations);

		assertThat(violations).singleElement()
			.extracting(Violation::message)
			.isEqualTo("the query condition is 8208 characters, more than the hub's 8192");
	}

	@Test
	void givenRandomGarbageThenEitherAConditionOrOneViolationAndNeverAnException() {
		// Given a fixed seed, so that a failure can be replayed
		Random random = new Random(4711);
		String[] pieces = { "deviceId", "tags.a", " = ", " AND ", " OR ", " NOT ", " IN ", "(", ")", "[", "]", ",",
				"'x'", "'", "\\", "1", "-", "*", "--", ";", "SELECT", "UNION", "STARTS_WITH(", "\u00e4", "\n" };
		int accepted = 0;
		for (int i = 0; i < 5_000; i++) {
			StringBuilder condition = new StringBuilder();
			for (int j = 0; j <= random.nextInt(10); j++) {
				condition.append(pieces[random.nextInt(pieces.length)]);
			}
			List<Violation> violations = new ArrayList<>();
			try {
				// When it is checked as a target
				String result = this.rules.condition(new JobTarget(condition.toString(), null, null), violations);
				// Then it is accepted as is, or refused with exactly one reason
				if (result != null) {
					assertThat(violations).isEmpty();
					accepted++;
				}
				else {
					assertThat(violations).as(condition.toString()).singleElement();
				}
			}
			catch (RuntimeException ex) {
				fail("'" + condition + "' threw " + ex, ex);
			}
		}
		assertThat(accepted).as("some random conditions are valid").isPositive().isLessThan(5_000);
	}

}
