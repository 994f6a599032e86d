package dev.fleetjobs.emulator.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.google.gson.JsonParser;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobType;
import com.microsoft.azure.sdk.iot.service.jobs.serializers.ScheduledJobParser;
import com.microsoft.azure.sdk.iot.service.methods.serializers.MethodParser;
import com.microsoft.azure.sdk.iot.service.twin.TwinCollection;
import com.microsoft.azure.sdk.iot.service.twin.TwinState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.fleetjobs.emulator.errors.IotHubErrorException;
import dev.fleetjobs.emulator.json.Json;
import dev.fleetjobs.emulator.methods.MethodRequest;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Job JSON against the official Java SDK's own serializers and parsers: the bodies it
 * sends are read right, and what the emulator answers parses (iot-hub-protocol.md §1.6,
 * §1.8).
 */
class JobJsonTests {

	private static final Instant CREATED = Instant.parse("2024-01-02T03:04:05.123Z");

	@Test
	void givenTheJavaSdksMethodJobBodyWhenReadThenEveryFieldIsKept() {
		String body = new ScheduledJobParser("job1",
				new MethodParser("lockDoor", 10, 0, JsonParser.parseString("{\"lockTime\":\"10m\"}")),
				"DeviceId IN ['d1']", Date.from(CREATED), 60)
			.toJson();

		JobDefinition job = JobJson.definition("job1", (ObjectNode) Json.read(body));

		assertThat(body).contains("\"updateTwin\":null");
		assertThat(job.type()).isEqualTo(JobType.DEVICE_METHOD);
		assertThat(job.method().methodName()).isEqualTo("lockDoor");
		assertThat(job.method().payload().toString()).isEqualTo("{\"lockTime\":\"10m\"}");
		assertThat(job.method().responseTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(job.method().connectTimeout()).isZero();
		assertThat(job.queryCondition()).isEqualTo("DeviceId IN ['d1']");
		assertThat(job.startTime()).isEqualTo(CREATED);
		assertThat(job.maxExecutionTimeInSeconds()).isEqualTo(60);
		assertThat(job.twinPatch()).isNull();
	}

	@Test
	void givenTheJavaSdksTwinJobBodyWhenReadThenTagsDesiredAndEtagAreKept() {
		TwinCollection desired = new TwinCollection();
		desired.put("building", 43);
		TwinState twin = new TwinState(null, desired, new TwinCollection());
		twin.setETag("*");
		String body = new ScheduledJobParser("job2", twin, "*", Date.from(CREATED), 3600).toJson();

		JobDefinition job = JobJson.definition("job2", (ObjectNode) Json.read(body));

		assertThat(body).contains("\"cloudToDeviceMethod\":null");
		assertThat(job.type()).isEqualTo(JobType.UPDATE_TWIN);
		assertThat(job.twinPatch().at("/properties/desired/building").asInt()).isEqualTo(43);
		assertThat(job.etag()).isEqualTo("*");
		assertThat(job.method()).isNull();
		JobRules.check(job);
	}

	@Test
	void givenNodeBodiesWithoutOptionalFieldsWhenReadThenTheHubDefaultsApply() {
		String method = "{\"jobId\":\"n1\",\"type\":\"scheduleDeviceMethod\",\"cloudToDeviceMethod\":{\"methodName\":"
				+ "\"reboot\",\"payload\":null,\"responseTimeoutInSeconds\":30},\"startTime\":\"2024-01-01T00:00:00.000Z\","
				+ "\"queryCondition\":\"deviceId = 'd1'\"}";
		String twin = "{\"jobId\":\"n2\",\"type\":\"scheduleUpdateTwin\",\"updateTwin\":{\"tags\":{\"floor\":3}},"
				+ "\"startTime\":null,\"maxExecutionTimeInSeconds\":3600,\"queryCondition\":\"*\"}";

		JobDefinition methodJob = JobJson.definition("n1", (ObjectNode) Json.read(method));
		JobDefinition twinJob = JobJson.definition("n2", (ObjectNode) Json.read(twin));

		assertThat(methodJob.method().connectTimeout()).isZero();
		assertThat(methodJob.maxExecutionTimeInSeconds()).isZero();
		assertThat(twinJob.startTime()).isNull();
		assertThat(twinJob.etag()).isEqualTo("*");
		JobRules.check(methodJob);
		JobRules.check(twinJob);
	}

	@Test
	void givenABodyWhoseJobIdDiffersFromThePathWhenReadThenTheHubs400NamesIt() {
		assertThatThrownBy(() -> JobJson.definition("a", (ObjectNode) Json.read(
				"{\"jobId\":\"b\",\"type\":\"scheduleDeviceMethod\",\"cloudToDeviceMethod\":{\"methodName\":\"x\"}}")))
			.isInstanceOf(IotHubErrorException.class)
			.hasMessageContaining("jobId 'b'");
	}

	@ParameterizedTest
	@EnumSource(JobStatus.class)
	void givenAJobInAnyStatusWhenTheJavaSdkParsesItsResponseThenStatusTypeAndTimesMatch(JobStatus status) {
		JobView view = new JobView(methodJob(), status, CREATED, CREATED.plusSeconds(1),
				status.isTerminal() ? CREATED.plusSeconds(2) : null, (status == JobStatus.FAILED) ? "broken" : null,
				new JobStatistics(3, 1, 1, 1, 0));

		String json = Json.text(JobJson.json(view));
		ScheduledJob parsed = new ScheduledJob(json);

		assertThat(json).doesNotContain("null");
		assertThat(parsed.getJobStatus()).isEqualTo(ScheduledJobStatus.valueOf(status.wireName()));
		assertThat(parsed.getJobType()).isEqualTo(ScheduledJobType.scheduleDeviceMethod);
		assertThat(parsed.getCreatedTime()).isEqualTo(Date.from(CREATED));
		assertThat(parsed.getStartTime()).isEqualTo(Date.from(CREATED.plusSeconds(1)));
		assertThat(parsed.getJobStatistics().getDeviceCount()).isEqualTo(3);
		assertThat(parsed.getJobStatistics().getRunningCount()).isEqualTo(1);
		assertThat(parsed.getCloudToDeviceMethod()).contains("\"methodName\":\"lockDoor\"");
		assertThat(parsed.getFailureReason()).isEqualTo((status == JobStatus.FAILED) ? "broken" : null);
	}

	@Test
	void givenATwinJobWhenTheJavaSdkParsesItsResponseThenTheTwinPatchComesBack() {
		ObjectNode patch = (ObjectNode) Json.read("{\"properties\":{\"desired\":{\"building\":43}}}");
		JobView view = new JobView(JobDefinition.updateTwin("t1", "*", patch, CREATED, 60), JobStatus.QUEUED, CREATED,
				CREATED, null, null, new JobStatistics(0, 0, 0, 0, 0));

		ScheduledJob parsed = new ScheduledJob(Json.text(JobJson.json(view)));

		assertThat(parsed.getJobType()).isEqualTo(ScheduledJobType.scheduleUpdateTwin);
		assertThat(parsed.getUpdateTwin().getETag()).isEqualTo("*");
		assertThat(((Number) parsed.getUpdateTwin().getDesiredProperties().get("building")).intValue()).isEqualTo(43);
	}

	@Test
	void givenMethodRecordsInTheJavaStyleWhenTheJavaSdkParsesThemThenOutcomeAndErrorAreTheDevicesOwn() {
		JobRun job = new JobRun(methodJob(), CREATED, JobStatus.RUNNING, new java.util.concurrent.atomic.AtomicLong());
		DeviceJobRecord running = DeviceJobRecord.running("d1", CREATED);

		ScheduledJob answered = parse(job,
				running.answered(500, Json.read("{\"error\":\"jammed\"}"), "lockDoor", CREATED.plusSeconds(1)),
				DeviceRecordStyle.JAVA_2_1_9);
		ScheduledJob offline = parse(job,
				running.ended(DeviceStatus.FAILED, "404103", "Timed out waiting for device to connect.", CREATED),
				DeviceRecordStyle.JAVA_2_1_9);

		assertThat(answered.getJobStatus()).isEqualTo(ScheduledJobStatus.failed);
		assertThat(answered.getOutcomeResult().getStatus()).isEqualTo(500);
		assertThat(answered.getOutcomeResult().getPayloadAsJsonString()).isEqualTo("{\"error\":\"jammed\"}");
		assertThat(answered.getDeviceId()).isEqualTo("d1");
		assertThat(answered.getEndTime()).isEqualTo(Date.from(CREATED.plusSeconds(1)));
		assertThat(offline.getOutcomeResult()).isNull();
		assertThat(offline.getError()).contains("\"code\":\"404103\"");
	}

	@Test
	void givenMethodRecordsInTheDocsStyleWhenTheJavaSdkParsesThemThenItThrowsAsDocumented() {
		JobRun job = new JobRun(methodJob(), CREATED, JobStatus.RUNNING, new java.util.concurrent.atomic.AtomicLong());
		DeviceJobRecord answered = DeviceJobRecord.running("d1", CREATED)
			.answered(200, Json.read("1"), "lockDoor", CREATED);

		assertThatThrownBy(() -> parse(job, answered, DeviceRecordStyle.DOCS)).isInstanceOf(NullPointerException.class);
		assertThat(DeviceRecords.json(job, answered, DeviceRecordStyle.DOCS).has("cloudToDeviceMethod")).isFalse();
	}

	private static ScheduledJob parse(JobRun job, DeviceJobRecord record, DeviceRecordStyle style) {
		return new ScheduledJob(Json.text(DeviceRecords.json(job, record, style)));
	}

	private static JobDefinition methodJob() {
		return JobDefinition.deviceMethod("m1", "*", new MethodRequest("lockDoor", Json.read("{\"lockTime\":\"10m\"}"),
				Duration.ofSeconds(30), Duration.ZERO), CREATED, 60);
	}

}
