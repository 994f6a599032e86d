package dev.fleetjobs.request.validation;

import java.nio.charset.StandardCharsets;

import dev.fleetjobs.contracts.request.JobRequest;
import dev.fleetjobs.contracts.rollout.EndBehavior;
import dev.fleetjobs.contracts.rollout.MaintenanceWindow;
import dev.fleetjobs.contracts.rollout.TargetSelection;
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
					{"rollout":{"abort":[{"failureType":"SOMETIMES","thresholdPercentage":20}]}}      | WRONG_TYPE    | rollout.abort[0].failureType
					{"rollout":{"abort":[{"failureType":"ALL","thresholdPercentage":"20%"}]}}         | WRONG_TYPE    | rollout.abort[0].thresholdPercentage
					{"rollout":{"retry":[{"failureType":"FAILED","numberOfRetries":2.5}]}}            | WRONG_TYPE    | rollout.retry[0].numberOfRetries
					{"rollout":{"maxDevicesPerMinute":99999999999}}                                   | WRONG_TYPE    | rollout.maxDevicesPerMinute
					{"rollout":{"maxDevicesPerMinute":true}}                                          | WRONG_TYPE    | rollout.maxDevicesPerMinute
					{"rollout":{"targetSelection":"continuous"}}                                      | WRONG_TYPE    | rollout.targetSelection
					{"rollout":{"endTime":"next week"}}                                               | WRONG_TYPE    | rollout.endTime
					{"rollout":{"maintenanceWindows":[{"cron":"0 22 * * *","duration":3600}]}}        | UNKNOWN_FIELD | rollout.maintenanceWindows[0].duration
					{"rollout":{"exponential":{"baseRatePerMinute":10,"factor":2}}}                   | UNKNOWN_FIELD | rollout.exponential.factor
					{"rollout":{"maxDevicesPerMinute":10,"maxDevicesPerMinute":20}}                   | UNPARSEABLE   |
					{"rollout":{"maintenanceWindows":{"cron":"0 22 * * *"}}}                          | WRONG_TYPE    | rollout.maintenanceWindows
					{"rollout":[]}                                                                    | WRONG_TYPE    | rollout
					""")
	void givenMalformedJsonThenTheCodeAndFieldAreNamed(String json, String code, String field) {
		assertThatThrownBy(() -> this.reader.read(utf8(json))).isInstanceOf(InvalidJobRequestException.class)
			.satisfies((ex) -> {
				Violation violation = ((InvalidJobRequestException) ex).primary();
				assertThat(violation.code()).as(json + " -> " + violation).isEqualTo(code);
				assertThat(violation.field()).isEqualTo(field);
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"rollout":{"abort":[{"failureType":"SOMETIMES"}]}}    | expected one of FAILED, TIMED_OUT, ALL
			{"rollout":{"targetSelection":1}}                      | expected one of SNAPSHOT, CONTINUOUS
			{"rollout":{"targetSelection":"1"}}                    | expected one of SNAPSHOT, CONTINUOUS
			{"rollout":{"targetSelection":"snapshot"}}             | expected one of SNAPSHOT, CONTINUOUS
			{"rollout":{"endBehavior":"STOP"}}                     | expected one of STOP_ROLLOUT, CANCEL
			{"rollout":{"abort":[{"thresholdPercentage":"20%"}]}}  | expected a number
			{"rollout":{"waveIntervalInSeconds":"10s"}}            | expected an integer
			{"rollout":{"maxDevicesPerMinute":99999999999}}        | out of range
			{"rollout":{"endTime":"next week"}}                    | expected an ISO-8601 instant
			""")
	void givenARolloutValueOfTheWrongTypeThenTheMessageSaysWhatIsExpected(String json, String message) {
		assertThatThrownBy(() -> this.reader.read(utf8(json))).isInstanceOf(InvalidJobRequestException.class)
			.satisfies((ex) -> assertThat(((InvalidJobRequestException) ex).primary().message()).as(json)
				.startsWith(message));
	}

	@Test
	void givenAFullRolloutThenEveryFieldIsRead() {
		JobRequest request = this.reader.read(
				utf8("""
						{"target":{"queryCondition":"*"},"action":{"directMethod":{"methodName":"lockDoor"}},
						 "rollout":{"maxDevicesPerMinute":200,"waveIntervalInSeconds":15,
						  "exponential":{"baseRatePerMinute":20,"incrementFactor":2,"rateIncreaseCriteria":{"numberOfSucceededDevices":50}},
						  "abort":[{"failureType":"ALL","thresholdPercentage":20,"minNumberOfExecutedDevices":50,"action":"CANCEL"}],
						  "retry":[{"failureType":"TIMED_OUT","numberOfRetries":3,"backoffInSeconds":20,"backoffMultiplier":1.5}],
						  "targetSelection":"CONTINUOUS","endTime":"2026-12-24T18:00:00Z","endBehavior":"CANCEL",
						  "maintenanceWindows":[{"cron":"0 22 * * *","durationInSeconds":14400,"timeZone":"Europe/Berlin"},
						   {"startTime":"2026-12-01T00:00:00Z","durationInSeconds":3600}]}}"""));

		assertThat(request.rollout().maxDevicesPerMinute()).isEqualTo(200);
		assertThat(request.rollout().exponential().incrementFactor()).isEqualTo(2.0);
		assertThat(request.rollout().exponential().rateIncreaseCriteria().numberOfSucceededDevices()).isEqualTo(50);
		assertThat(request.rollout().abort().get(0).thresholdPercentage()).isEqualTo(20.0);
		assertThat(request.rollout().retry().get(0).backoffMultiplier()).isEqualTo(1.5);
		assertThat(request.rollout().targetSelection()).isEqualTo(TargetSelection.CONTINUOUS);
		assertThat(request.rollout().endBehavior()).isEqualTo(EndBehavior.CANCEL);
		assertThat(request.rollout().maintenanceWindows()).extracting(MaintenanceWindow::timeZone)
			.containsExactly("Europe/Berlin", null);
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
