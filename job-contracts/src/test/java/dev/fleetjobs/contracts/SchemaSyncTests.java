package dev.fleetjobs.contracts;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the records and their JSON Schemas in sync (the model is PetClinic's
 * I18nPropertiesSyncTest): every payload type has a schema, the schema's properties are
 * the record's components (recursively), required is declared, every sample serialized
 * with Jackson 3 validates and an unknown field does not.
 */
class SchemaSyncTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Stream<Arguments> payloadTypes() {
		return TypeNames.all().entrySet().stream().map((entry) -> Arguments.of(entry.getKey(), entry.getValue()));
	}

	static Stream<Arguments> samples() {
		return Samples.all()
			.entrySet()
			.stream()
			.flatMap((entry) -> entry.getValue().stream().map((sample) -> Arguments.of(entry.getKey(), sample)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("payloadTypes")
	void givenAPayloadTypeThenItsSchemaPropertiesEqualTheRecordComponentsRecursively(String name, Class<?> type) {
		// Given the record and its schema file
		String file = name + ".schema.json";

		// When they are compared
		List<String> drift = SchemaDrift.between(type, file);

		// Then nothing differs
		assertThat(drift).as("drift between %s and %s", type.getName(), file).isEmpty();
	}

	@Test
	void givenARecordThatDriftedFromItsSchemaThenTheComparisonNamesEveryDifference() {
		// Given a record with an extra component, a missing one and a wrong type
		record CancelJobDrifted(String jobId, int reason, String channel, String principal, String extra) {
		}

		// When it is compared with the CancelJob schema
		List<String> drift = SchemaDrift.between(CancelJobDrifted.class, "CancelJob.schema.json");

		// Then the comparison reports the differences
		assertThat(drift).anySatisfy((problem) -> assertThat(problem).contains("extra").contains("requestedAt"))
			.anySatisfy((problem) -> assertThat(problem).contains("CancelJobDrifted.reason: primitive"));
	}

	@Test
	void givenTheSamplesThenEveryPayloadTypeHasAtLeastOne() {
		assertThat(Samples.all().keySet()).containsExactlyInAnyOrderElementsOf(TypeNames.all().keySet());
		Samples.all()
			.forEach((name, samples) -> assertThat(samples).as(name)
				.isNotEmpty()
				.allSatisfy((sample) -> assertThat(sample).isInstanceOf(TypeNames.all().get(name))));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("samples")
	void givenASampleSerializedWithJackson3ThenItValidatesAgainstItsSchema(String name, Object sample) {
		// Given a sample as a producer writes it
		JsonNode json = JSON.valueToTree(sample);

		// When it is validated
		List<Error> errors = Schemas.validator(name).validate(json);

		// Then it is valid
		assertThat(errors).as("%s", json).isEmpty();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("samples")
	void givenASampleWithAnUnknownTopLevelFieldThenItDoesNotValidate(String name, Object sample) {
		// Given a sample with one extra field
		ObjectNode json = JSON.valueToTree(sample);
		json.put("unexpectedField", 1);

		// When it is validated
		List<Error> errors = Schemas.validator(name).validate(json);

		// Then the extra field is refused
		assertThat(errors).extracting(Error::getMessage).anyMatch((message) -> message.contains("unexpectedField"));
	}

	@Test
	void givenNestedObjectsWithAnUnknownFieldThenTheyDoNotValidate() {
		Map<String, String> nestedObjects = Map.of("JobRequest", "/action/directMethod", "ScheduleJob", "/directMethod",
				"JobProgress", "/statistics");
		nestedObjects.forEach((name, pointer) -> {
			ObjectNode json = JSON.valueToTree(Samples.all().get(name).get(0));
			((ObjectNode) json.at(pointer)).put("sneaky", true);

			List<Error> errors = Schemas.validator(name).validate(json);

			assertThat(errors).as("%s%s", name, pointer)
				.extracting(Error::getMessage)
				.anyMatch((message) -> message.contains("sneaky"));
		});
	}

	@Test
	void givenAJobRequestThatBreaksTheSchemaRulesThenEachIsRefused() {
		JsonNode valid = JSON.valueToTree(Samples.all().get("JobRequest").get(0));
		Map<String, String> broken = Map.of("missing target", "{\"action\":" + valid.get("action") + "}", "two targets",
				"{\"target\":{\"queryCondition\":\"*\",\"deviceIds\":[\"a\"]},\"action\":" + valid.get("action") + "}",
				"no action", "{\"target\":{\"queryCondition\":\"*\"},\"action\":{}}", "method name with a slash",
				"{\"target\":{\"queryCondition\":\"*\"},\"action\":{\"directMethod\":{\"methodName\":\"a/b\"}}}",
				"response timeout below 5",
				"{\"target\":{\"queryCondition\":\"*\"},\"action\":{\"directMethod\":{\"methodName\":\"a\",\"responseTimeoutInSeconds\":4}}}",
				"wrong type", "{\"target\":{\"queryCondition\":42},\"action\":" + valid.get("action") + "}");
		broken
			.forEach((what, json) -> assertThat(Schemas.validator("JobRequest").validate(JSON.readTree(json))).as(what)
				.isNotEmpty());
	}

}
