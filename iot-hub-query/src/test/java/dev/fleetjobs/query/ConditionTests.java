package dev.fleetjobs.query;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.fail;

/** {@link Query#parseWhere}: a job's query condition, the WHERE part only. */
class ConditionTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "*", " * ", "deviceId = 'door-1'", "DeviceId in ['door-1']", "deviceId IN ['d1', 'd2']",
			"tags.building = 43 AND tags.floor = 3", "tags.building = 43 and (tags.floor = 3 or tags.floor = 4)",
			"NOT tags.decommissioned = true", "deviceId NIN ['a', \"b\"]", "IS_DEFINED(tags.location)",
			"STARTSWITH(deviceId, 'door-') AND ENDSWITH(deviceId, '-3')", "properties.reported.battery < 20",
			"properties.reported.temperature * 1.8 + 32 >= 80", "status <> 'disabled'", "tags.x != null",
			"tags.x = undefined", "tags.mask = 0xFF", "tags.ratio = -1.5e3", "tags.name = 'o\\'brien'",
			"tags.name = 'line\\nbreak \\u00e4'", "tags.enabled", "true",
			"devices.jobs.jobId = 'x' AND devices.jobs.jobType = 'scheduleUpdateTwin'", "tags.n IN [1, -2, true, null]",
			"properties.reported.$metadata.$lastUpdated > '2026-01-01'", "\tdeviceId = 'a'\r\n" })
	void givenAValidHubConditionThenItParses(String condition) {
		assertThatNoException().isThrownBy(() -> Query.parseWhere(condition));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					deviceId = 'a'; DROP TABLE devices      | Unexpected character ';' at character 15
					' OR '1'='1                             | must be true or false
					deviceId = 'a' -- comment               | Comments are not part of the query language at character 16
					deviceId = 'a' /* x */                  | Comments are not part of the query language
					SELECT * FROM devices WHERE x = 1       | 'SELECT' is not allowed: give only the condition (the WHERE part) at character 1
					FROM devices WHERE x = 1                | 'FROM' is not allowed
					x = 1 UNION SELECT 1                    | 'UNION' is not allowed
					x = 1 GROUP BY x                        | 'GROUP' is not allowed
					x = 1 ORDER BY x                        | 'ORDER' is not allowed
					deviceId = 'a') OR (1 = 1               | Unexpected ')'
					(deviceId = 'a'                         | Expected ')', found end of query
					deviceId = 'unterminated                | Unterminated string
					deviceId =                              | Unexpected end of query
					AND x = 1                               | Unexpected keyword AND
					x = = 1                                 | Unexpected '=' at character 5
					x IN 'a'                                | IN expects an array
					x IN []                                 | an array holds only
					x IN [y]                                | an array holds only
					x IN [1 + 2]                            | Expected ',' or ']'
					STARTS_WITH(deviceId, 'a')              | use STARTSWITH (the underscore form is for message routing)
					LOWER(deviceId) = 'a'                   | Unknown function 'LOWER'; twin and job queries know IS_DEFINED, STARTSWITH and ENDSWITH
					IS_DEFINED('x')                         | IS_DEFINED takes a property path
					STARTSWITH(deviceId)                    | takes 2 arguments
					STARTSWITH(a = 1, 'x')                  | takes values, not conditions
					1 + 2                                   | must be true or false
					'just a string'                         | must be true or false
					(a = 1) = 2                             | compares values, not conditions
					a = 1 AND 5                             | 'AND' needs a condition on each side
					a = 1 OR 'x'                            | 'OR' needs a condition on each side
					NOT 'x'                                 | 'NOT' needs a condition
					(a = 1) + 2 = 3                         | needs numbers, not conditions
					deviceId NOT IN ['a']                   | use NIN for 'not in'
					tags. = 1                               | Expected a property name after '.'
					x = 1e                                  | Invalid number exponent
					x = 0x                                  | Invalid hexadecimal number
					x = 12abc                               | Invalid number
					x = 1e999                               | Number out of range
					x = 'bad \\q escape'                    | Invalid escape
					x = '\\u+12a'                           | Invalid unicode escape
					x = \u0ED7                              | Unexpected character '\\u0ed7'
					x = 1 ! 2                               | Unexpected character '!'
					dévice = 1                              | Unexpected character '\\u00e9'
					x = 'a' @ 2                             | Unexpected character '@'
					x = [1, 2]                              | An array is only allowed after IN or NIN
					""")
	void givenAnInvalidOrHostileConditionThenTheMessageNamesTheProblemAndItsPosition(String condition, String message) {
		assertThatExceptionOfType(QueryException.class).isThrownBy(() -> Query.parseWhere(condition))
			.withMessageContaining(message)
			.withMessageContaining(" at character ");
	}

	@Test
	void givenAControlCharacterInsideAStringThenItIsRefused() {
		assertThatExceptionOfType(QueryException.class).isThrownBy(() -> Query.parseWhere("tags.x = 'a\nb'"))
			.withMessage("Control character \\u000a in a string; escape it, e.g. \\n at character 12");
	}

	@Test
	void givenAnEmptyConditionThenItIsRefused() {
		assertThatExceptionOfType(QueryException.class).isThrownBy(() -> Query.parseWhere("   "))
			.withMessage("The query condition is empty");
	}

	@Test
	void givenAConditionLongerThanTheHubLimitThenItIsRefusedButOneAtTheLimitParses() {
		String prefix = "deviceId IN ['";
		String atLimit = prefix + "a".repeat(Query.MAX_LENGTH - prefix.length() - 2) + "']";
		String overLimit = prefix + "a".repeat(Query.MAX_LENGTH) + "']";

		assertThat(atLimit).hasSize(Query.MAX_LENGTH);
		assertThatNoException().isThrownBy(() -> Query.parseWhere(atLimit));
		assertThatExceptionOfType(QueryException.class).isThrownBy(() -> Query.parseWhere(overLimit))
			.withMessageContaining("the limit is 8192");
	}

	@Test
	void givenDeepNestingThenARefusalAndNoStackOverflow() {
		String parentheses = "(".repeat(4000) + "a = 1" + ")".repeat(4000);
		String nots = "NOT ".repeat(2000) + "a = 1";
		String minuses = "a = " + "- ".repeat(4000) + "1";

		for (String condition : List.of(parentheses, nots, minuses)) {
			assertThatExceptionOfType(QueryException.class).isThrownBy(() -> Query.parseWhere(condition))
				.withMessageContaining("nests too deeply (more than 64 levels)");
		}
	}

	@Test
	void givenTheLongestFlatChainsTheHubAllowsThenTheyParseAndEvaluate() {
		String sum = "tags.n = 0" + " + 1".repeat(2040);
		String ors = "tags.n = -1" + " OR tags.n = -1".repeat(540) + " OR tags.n = 2040";
		JsonNode twin = json("{\"tags\":{\"n\":2040}}");

		assertThat(sum.length()).isLessThanOrEqualTo(Query.MAX_LENGTH);
		assertThat(ors.length()).isLessThanOrEqualTo(Query.MAX_LENGTH);
		assertThat(Query.parseWhere(sum).matches(twin)).isTrue();
		assertThat(Query.parseWhere(ors).matches(twin)).isTrue();
		assertThat(Query.parse("SELECT * FROM devices WHERE tags.n = 0" + " + 1".repeat(2030)).execute(List.of(twin)))
			.isEmpty();
	}

	@Test
	void givenAConditionThenItSelectsWholeDevicesOfTheDeviceCollection() {
		Query query = Query.parseWhere("tags.floor = 3 AND deviceId NIN ['b']");

		assertThat(query.source()).isEqualTo(QuerySource.DEVICES);
		assertThat(query.isSelectAll()).isTrue();
		assertThat(query.isAggregate()).isFalse();
		assertThat(query.matches(json("{\"deviceId\":\"a\",\"tags\":{\"floor\":3}}"))).isTrue();
		assertThat(query.matches(json("{\"deviceId\":\"b\",\"tags\":{\"floor\":3}}"))).isFalse();
		assertThat(query.matches(json("{\"deviceId\":\"c\",\"tags\":{\"floor\":4}}"))).isFalse();
		assertThat(Query.parseWhere("*").matches(json("{\"deviceId\":\"z\"}"))).isTrue();
	}

	@Test
	void givenTheLenientJobFormThenPositionsAreThoseOfTheConditionAsGiven() {
		assertThatExceptionOfType(QueryException.class).isThrownBy(() -> Query.parseCondition("tags.x == 1"))
			.withMessage("Unexpected '=' at character 9");
		assertThatExceptionOfType(QueryException.class)
			.isThrownBy(() -> Query.parseCondition("FROM devices WHERE tags.x == 1"))
			.withMessage("Unexpected '=' at character 28");
	}

	@Test
	void givenRandomGarbageThenOnlyEverAConditionOrAPositionedRefusal() {
		// Given a fixed seed, so that a failure can be replayed
		Random random = new Random(4711);
		String[] pieces = { "deviceId", "tags.a", " = ", " <> ", " AND ", " OR ", " NOT ", " IN ", " NIN ", "(", ")",
				"[", "]", ",", "'x'", "\"y\"", "'", "\"", "\\", "1", "0x1F", "-", "+", "*", "/", "%", ".", "IS_DEFINED",
				"STARTSWITH", "true", "null", " ", "$", "\u0000", "\u00e4", ";", "--", "SELECT", "\n" };
		JsonNode twin = json("{\"deviceId\":\"x\",\"tags\":{\"a\":1}}");
		int accepted = 0;
		for (int i = 0; i < 20_000; i++) {
			StringBuilder condition = new StringBuilder();
			int length = 1 + random.nextInt(12);
			for (int j = 0; j < length; j++) {
				condition.append((random.nextInt(8) == 0) ? String.valueOf((char) random.nextInt(0x3000))
						: pieces[random.nextInt(pieces.length)]);
			}
			// When it is parsed and, if valid, evaluated
			try {
				Query.parseWhere(condition.toString()).matches(twin);
				accepted++;
			}
			catch (QueryException ex) {
				// Then a refusal names a position (unless there was nothing to parse)
				if (!condition.toString().isBlank()) {
					assertThat(ex.getMessage()).as(condition.toString()).contains(" at character ");
				}
			}
			catch (Throwable ex) {
				fail("'" + condition + "' threw " + ex, ex);
			}
		}
		assertThat(accepted).as("some random conditions are valid").isPositive().isLessThan(20_000);
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
