package dev.fleetjobs.request.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.fleetjobs.query.Literals;
import dev.fleetjobs.query.Query;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionBuilderTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void givenDeviceIdsWithQuotesThenEachIsQuotedAndEscaped() {
		String condition = ConditionBuilder.deviceIdIn(List.of("door-1", "o'brien", "a''b"));

		assertThat(condition).isEqualTo("deviceId IN ['door-1', 'o\\'brien', 'a\\'\\'b']");
	}

	@Test
	void givenTagFiltersThenTheyBecomeEqualitiesJoinedWithAnd() {
		Map<String, Object> tags = new LinkedHashMap<>();
		tags.put("building", 43);
		tags.put("floor", new BigDecimal("3.50"));
		tags.put("site", "north's \\ wing");
		tags.put("active", true);

		String condition = ConditionBuilder.tagsEqual(tags);

		assertThat(condition).isEqualTo(
				"tags.building = 43 AND tags.floor = 3.50 AND tags.site = 'north\\'s \\\\ wing' AND tags.active = true");
	}

	@Test
	void givenRandomDeviceIdsThenTheBuiltConditionParsesBackToExactlyThoseIds() {
		// Given ids drawn from every character the hub allows in device ids
		String alphabet = "abcXYZ019-.+%_#*?!(),:=@$'";
		Random random = new Random(42);
		for (int round = 0; round < 500; round++) {
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 1 + random.nextInt(5); i++) {
				StringBuilder id = new StringBuilder();
				for (int j = 0; j < 1 + random.nextInt(20); j++) {
					id.append(alphabet.charAt(random.nextInt(alphabet.length())));
				}
				ids.add(id.toString());
			}

			// When the condition is built and parsed again by the hub's query language
			Query query = Query.parseWhere(ConditionBuilder.deviceIdIn(ids));

			// Then it selects exactly those ids
			for (String id : ids) {
				assertThat(query.matches(twin("deviceId", id))).as(id).isTrue();
			}
			String other = ids.get(0) + "'";
			assertThat(query.matches(twin("deviceId", other))).as(other).isEqualTo(ids.contains(other));
		}
	}

	@Test
	void givenControlCharactersInATagValueThenTheyAreEscaped() {
		assertThat(Literals.quote("a\nb\u0001")).isEqualTo("'a\\nb\\u0001'");
		Query query = Query.parseWhere("tags.x = " + Literals.quote("a\nb\u0001"));
		ObjectNode tagged = JSON.createObjectNode();
		tagged.putObject("tags").put("x", "a\nb\u0001");
		assertThat(query.matches(tagged)).isTrue();
		tagged.putObject("tags").put("x", "a\nb");
		assertThat(query.matches(tagged)).isFalse();
	}

	private static JsonNode twin(String property, String value) {
		return JSON.createObjectNode().put(property, value);
	}

}
