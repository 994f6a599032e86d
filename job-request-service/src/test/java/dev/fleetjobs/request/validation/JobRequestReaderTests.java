package dev.fleetjobs.request.validation;

import java.nio.charset.StandardCharsets;

import dev.fleetjobs.contracts.request.JobRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobRequestReaderTests {

	private final JobRequestReader reader = new JobRequestReader(JsonMapper.builder().build(),
			ValidationProperties.defaults());

	@Test
	void givenAValidRequestThenItIsRead() {
		JobRequest request = this.reader.read(utf8("""
				{"requestId":"r1","target":{"deviceIds":["door-1"]},
				 "action":{"directMethod":{"methodName":"lockDoor","payload":{"lockTime":"10m","ratio":0.1}}},
				 "startTime":"2026-11-26T22:00:00Z"}"""));

		assertThat(request.requestId()).isEqualTo("r1");
		assertThat(request.target().deviceIds()).containsExactly("door-1");
		assertThat(request.startTime()).hasToString("2026-11-26T22:00:00Z");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					{"target":{"queryCondition":"*"},"colour":"red"}                                  | UNKNOWN_FIELD | colour
					{"target":{"queryCondition":"*","extra":1}}                                       | UNKNOWN_FIELD | target.extra
					{"action":{"directMethod":{"methodName":"a","responseTimeoutInSeconds":"30"}}}    | WRONG_TYPE    | action.directMethod.responseTimeoutInSeconds
					{"action":{"directMethod":{"methodName":"a","responseTimeoutInSeconds":30.5}}}    | WRONG_TYPE    | action.directMethod.responseTimeoutInSeconds
					{"target":{"deviceIds":["a",7]}}                                                  | WRONG_TYPE    | target.deviceIds[1]
					{"target":{"deviceIds":"a"}}                                                      | WRONG_TYPE    | target.deviceIds
					{"startTime":"tomorrow"}                                                          | WRONG_TYPE    | startTime
					{"labels":{"a":{"b":1}}}                                                          | WRONG_TYPE    | labels.a
					{"target":{"queryCondition":"*"},"target":{"queryCondition":"x"}}                 | UNPARSEABLE   |
					{"target":{"queryCondition":"*"}} {"second":1}                                    | UNPARSEABLE   |
					{"target":                                                                        | UNPARSEABLE   |
					[1,2,3]                                                                           | WRONG_TYPE    |
					null                                                                              | UNPARSEABLE   |
					""")
	void givenMalformedJsonThenTheCodeAndFieldAreNamed(String json, String code, String field) {
		assertThatThrownBy(() -> this.reader.read(utf8(json))).isInstanceOf(InvalidJobRequestException.class)
			.satisfies((ex) -> {
				Violation violation = ((InvalidJobRequestException) ex).primary();
				assertThat(violation.code()).as(json + " -> " + violation).isEqualTo(code);
				assertThat(violation.field()).isEqualTo(field);
			});
	}

	@Test
	void givenPoisonBytesThenTheyAreUnparseable() {
		byte[] poison = { (byte) 0xff, (byte) 0xfe, 0x00, 0x13, (byte) 0x80 };

		assertThatThrownBy(() -> this.reader.read(poison)).isInstanceOf(InvalidJobRequestException.class)
			.extracting((ex) -> ((InvalidJobRequestException) ex).primary().code())
			.isEqualTo(Violation.UNPARSEABLE);
	}

	@Test
	void givenNoBytesThenTheRequestIsEmpty() {
		assertThatThrownBy(() -> this.reader.read(new byte[0])).hasMessageContaining("empty");
		assertThatThrownBy(() -> this.reader.read(null)).hasMessageContaining("empty");
	}

	@Test
	void givenMoreBytesThanTheLimitThenTheRequestIsTooLarge() {
		byte[] large = new byte[ValidationProperties.defaults().maxRequestBytes() + 1];

		assertThatThrownBy(() -> this.reader.read(large)).isInstanceOf(InvalidJobRequestException.class)
			.extracting((ex) -> ((InvalidJobRequestException) ex).primary().code())
			.isEqualTo(Violation.TOO_LARGE);
	}

	private static byte[] utf8(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
