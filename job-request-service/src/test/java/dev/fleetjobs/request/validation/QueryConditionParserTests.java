package dev.fleetjobs.request.validation;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class QueryConditionParserTests {

	@ParameterizedTest
	@ValueSource(strings = { "*", "deviceId = 'door-1'", "DeviceId in ['door-1']", "deviceId IN ['d1', 'd2']",
			"tags.building = 43 AND tags.floor = 3", "tags.building = 43 and (tags.floor = 3 or tags.floor = 4)",
			"NOT tags.decommissioned = true", "deviceId NIN ['a', \"b\"]", "IS_DEFINED(tags.location)",
			"STARTSWITH(deviceId, 'door-') AND ENDSWITH(deviceId, '-3')", "properties.reported.battery < 20",
			"properties.reported.temperature * 1.8 + 32 >= 80", "status <> 'disabled'", "tags.x != null",
			"tags.x = undefined", "tags.mask = 0xFF", "tags.ratio = -1.5e3", "tags.name = 'o\\'brien'",
			"tags.name = 'line\\nbreak \\u00e4'", "tags.enabled", "true",
			"devices.jobs.jobId = 'x' AND devices.jobs.jobType = 'scheduleUpdateTwin'", "tags.n IN [1, -2, true, null]",
			"properties.reported.$metadata.$lastUpdated > '2026-01-01'" })
	void givenAValidHubConditionThenItParses(String condition) {
		assertThatNoException().isThrownBy(() -> QueryConditionParser.parse(condition));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			deviceId = 'a'; DROP TABLE devices      | unexpected character ';'
			' OR '1'='1                             | unexpected '1'
			deviceId = 'a' -- comment               | comments are not part of the query language
			deviceId = 'a' /* x */                  | comments are not part of the query language
			SELECT * FROM devices WHERE x = 1       | give only the condition
			x = 1 UNION SELECT 1                    | 'UNION' is not allowed
			deviceId = 'a') OR (1 = 1               | unexpected ')'
			(deviceId = 'a'                         | expected ')'
			deviceId = 'unterminated                | unterminated string
			deviceId =                              | unexpected end of condition
			AND x = 1                               | unexpected 'AND'
			x = = 1                                 | unexpected '='
			x IN 'a'                                | expected '['
			x IN []                                 | a list holds only
			x IN [y]                                | a list holds only
			STARTS_WITH(deviceId, 'a')              | spell it STARTSWITH
			LOWER(deviceId) = 'a'                   | unknown function 'LOWER'
			IS_DEFINED('x')                         | IS_DEFINED takes a property path
			STARTSWITH(deviceId)                    | takes 2 argument(s)
			1 + 2                                   | must be true or false
			'just a string'                         | must be true or false
			(a = 1) = 2                             | compares values, not conditions
			a = 1 AND 5                             | needs a condition on each side
			a = 1 OR 'x'                            | needs a condition on each side
			deviceId NOT IN ['a']                   | use NIN
			tags. = 1                               | expected a property name
			x = 1e                                  | empty exponent
			x = 0x                                  | hex number without digits
			x = 12abc                               | malformed number
			x = 'bad \\q escape'                    | unknown escape
			x = 1 ! 2                               | unexpected character '!'
			dévice = 1                              | unexpected character U+00E9
			x = 'a' @ 2                             | unexpected character '@'
			x = [1, 2]                              | only allowed after IN or NIN
			""")
	void givenAnInvalidOrHostileConditionThenASyntaxErrorNamesTheProblem(String condition, String message) {
		assertThatThrownBy(() -> QueryConditionParser.parse(condition)).isInstanceOf(QuerySyntaxException.class)
			.hasMessageContaining(message)
			.hasMessageContaining("at position");
	}

	@Test
	void givenAnEmptyConditionThenItIsRefused() {
		assertThatThrownBy(() -> QueryConditionParser.parse("   ")).isInstanceOf(QuerySyntaxException.class)
			.hasMessageContaining("empty condition");
	}

	@Test
	void givenAConditionLongerThanTheHubLimitThenItIsRefused() {
		String condition = "deviceId IN ['" + "a".repeat(QueryConditionParser.MAX_LENGTH) + "']";

		assertThatThrownBy(() -> QueryConditionParser.parse(condition)).isInstanceOf(QuerySyntaxException.class)
			.hasMessageContaining("longer than 8192");
	}

	@Test
	void givenDeepNestingThenASyntaxErrorAndNoStackOverflow() {
		String parentheses = "(".repeat(4000) + "a = 1" + ")".repeat(4000);
		String nots = "NOT ".repeat(2000) + "a = 1";
		String minuses = "a = " + "- ".repeat(4000) + "1";

		for (String condition : List.of(parentheses, nots, minuses)) {
			assertThatThrownBy(() -> QueryConditionParser.parse(condition)).isInstanceOf(QuerySyntaxException.class)
				.hasMessageContaining("nested deeper than 64");
		}
	}

	@Test
	void givenRandomGarbageThenTheParserOnlyEverAcceptsOrThrowsASyntaxError() {
		// Given a fixed seed, so that a failure can be replayed
		Random random = new Random(4711);
		String[] pieces = { "deviceId", "tags.a", " = ", " <> ", " AND ", " OR ", " NOT ", " IN ", " NIN ", "(", ")",
				"[", "]", ",", "'x'", "\"y\"", "'", "\"", "\\", "1", "0x1F", "-", "+", "*", "/", "%", ".", "IS_DEFINED",
				"STARTSWITH", "true", "null", " ", "$", "\u0000", "\u00e4", ";", "--", "SELECT", "\n" };
		int accepted = 0;
		for (int i = 0; i < 20_000; i++) {
			StringBuilder condition = new StringBuilder();
			int length = 1 + random.nextInt(12);
			for (int j = 0; j < length; j++) {
				if (random.nextInt(8) == 0) {
					condition.append((char) random.nextInt(0x3000));
				}
				else {
					condition.append(pieces[random.nextInt(pieces.length)]);
				}
			}
			// When it is parsed
			try {
				QueryConditionParser.parse(condition.toString());
				accepted++;
			}
			catch (QuerySyntaxException ex) {
				// Then a refusal is a syntax error with a message
				assertThat(ex.getMessage()).contains("at position");
			}
			catch (Throwable ex) {
				fail("'" + condition + "' threw " + ex, ex);
			}
		}
		assertThat(accepted).as("some random conditions are valid").isPositive().isLessThan(20_000);
	}

}
