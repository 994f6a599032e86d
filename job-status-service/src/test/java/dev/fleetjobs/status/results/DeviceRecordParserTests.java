package dev.fleetjobs.status.results;

import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** devices.jobs records, in the shapes of iot-hub-protocol.md §1.8. */
class DeviceRecordParserTests {

	private final DeviceRecordParser parser = new DeviceRecordParser(JsonMapper.builder().build());

	@Test
	void givenTheDocsShape_whenParsed_thenTheDeviceAnswerComesFromTheOutcome() {
		DeviceResult result = this.parser.parse(
				"""
						{"deviceId":"door-1","jobId":"j1","jobType":"scheduleDeviceMethod","status":"completed",
						 "startTimeUtc":"2016-09-29T18:18:52.7418462","endTimeUtc":"2016-09-29T18:20:52.7418462",
						 "createdDateTimeUtc":"2016-09-29T18:18:56.7787107Z","lastUpdatedDateTimeUtc":"2016-09-29T18:18:56.8894408Z",
						 "outcome":{"deviceMethodResponse":{"status":200,"payload":{"Response":"lockDoor called successfully"}}}}
						""",
				"j1", JobType.DEVICE_METHOD);

		assertThat(result.deviceId()).isEqualTo("door-1");
		assertThat(result.status()).isEqualTo(DeviceJobStatus.COMPLETED);
		assertThat(result.methodStatus()).isEqualTo(200);
		assertThat(result.methodPayload()).isEqualTo(Map.of("Response", "lockDoor called successfully"));
		assertThat(result.startTime()).isEqualTo(Instant.parse("2016-09-29T18:18:52.7418462Z"));
		assertThat(result.lastUpdated()).isEqualTo(Instant.parse("2016-09-29T18:18:56.8894408Z"));
		assertThat(result.errorCode()).isNull();
	}

	@Test
	void givenTheJavaSdkCompatibleShape_whenParsed_thenTheAnswerComesFromCloudToDeviceMethod() {
		DeviceResult result = this.parser.parse("""
				{"deviceId":"door-2","jobId":"j1","jobType":"scheduleDeviceMethod","status":"completed",
				 "cloudToDeviceMethod":{"status":500,"payload":"jammed"}}
				""", "j1", JobType.DEVICE_METHOD);

		assertThat(result.methodStatus()).isEqualTo(500);
		assertThat(result.methodPayload()).isEqualTo("jammed");
	}

	@Test
	void givenAFailedDevice_whenParsed_thenTheHubErrorIsKept() {
		DeviceResult result = this.parser.parse("""
				{"deviceId":"door-3","jobId":"j1","jobType":"scheduleDeviceMethod","status":"failed",
				 "endTimeUtc":"0001-01-01T00:00:00Z",
				 "error":{"code":"DeviceNotOnline","description":"Timed out waiting for device to connect."}}
				""", "j1", JobType.DEVICE_METHOD);

		assertThat(result.status()).isEqualTo(DeviceJobStatus.FAILED);
		assertThat(result.errorCode()).isEqualTo("DeviceNotOnline");
		assertThat(result.errorDescription()).isEqualTo("Timed out waiting for device to connect.");
		assertThat(result.methodStatus()).isNull();
		assertThat(result.endTime()).isNull();
	}

	@Test
	void givenATwinJobRecordWithANullOutcome_whenParsed_thenItHasNoMethodAnswer() {
		DeviceResult result = this.parser.parse("""
				{"deviceId":"door-4","jobId":"j2","jobType":"scheduleUpdateTwin","status":"completed",
				 "outcome":{"deviceMethodResponse":null},"endTimeUtc":"2026-01-01T00:00:01+02:00"}
				""", "j2", JobType.TWIN_UPDATE);

		assertThat(result.methodStatus()).isNull();
		assertThat(result.methodPayload()).isNull();
		assertThat(result.endTime()).isEqualTo(Instant.parse("2025-12-31T22:00:01Z"));
	}

}
