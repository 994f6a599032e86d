package dev.fleetjobs.query;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LiteralsTests {

	@Test
	void givenDeviceIdsWithQuotesAndBackslashesThenTheConditionReadsBackTheSameIds() {
		List<String> ids = List.of("door-1", "o'brien", "a\\b", "x,y", "tab\there", "weird', 'id");

		String condition = Literals.deviceIdIn(ids);

		assertThat(condition).startsWith("deviceId IN ['door-1', 'o\\'brien', 'a\\\\b'");
		assertThat(Literals.deviceIdsOf(condition)).isEqualTo(ids);
		assertThat(Query.parseCondition(condition)
			.matches(tools.jackson.databind.json.JsonMapper.builder()
				.build()
				.readTree("{\"deviceId\":\"weird', 'id\"}")))
			.isTrue();
	}

	@Test
	void givenOneIdOrNoneThenTheConditionReadsBack() {
		assertThat(Literals.deviceIdsOf(Literals.deviceIdIn(List.of("only")))).containsExactly("only");
		assertThat(Literals.deviceIdsOf("deviceId IN []")).isEmpty();
	}

	@Test
	void givenAnotherConditionThenReadingItFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> Literals.deviceIdsOf("tags.building = 43"));
		assertThatIllegalArgumentException().isThrownBy(() -> Literals.deviceIdsOf("deviceId IN [a]"));
	}

}
