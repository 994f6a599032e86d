package dev.fleetjobs.request.submission;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import dev.fleetjobs.contracts.CloudEventHeaders;
import dev.fleetjobs.contracts.DltHeaders;
import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.testsupport.KafkaIntegrationTest;
import dev.fleetjobs.testsupport.TopicRecorder;
import dev.fleetjobs.request.idempotency.JobIds;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka ingress: {@code fleetjobs.requests} to commands, or to the DLT and rejections.
 */
@KafkaIntegrationTest
class JobRequestListenerIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	TopicRecorder topics;

	@Test
	void givenAValidRequestOnTheTopicThenAScheduleJobCommandFromTheKafkaChannel() {
		// Given the tutorial's twin update on floor 3 of building 43, by tags
		String requestId = "kafka-" + UUID.randomUUID();

		// When an upstream system sends it
		this.topics.sendRequest("bms-key", """
				{"requestId":"%s","target":{"tags":{"building":43,"floor":3}},
				 "action":{"twinUpdate":{"desiredProperties":{"building":43,"floor":3}}}}""".formatted(requestId));

		// Then a ScheduleJob keyed by the request id's jobId appears, from the kafka
		// channel
		ConsumerRecord<String, byte[]> command = this.topics.awaitRecord(Topics.COMMANDS,
				JobIds.fromRequestId(requestId));
		JsonNode payload = JSON.readTree(command.value());
		assertThat(payload.path("channel").asString()).isEqualTo("kafka");
		assertThat(payload.path("principal").asString()).isEqualTo(Topics.REQUESTS);
		assertThat(payload.path("queryCondition").asString()).isEqualTo("tags.building = 43 AND tags.floor = 3");
		assertThat(TopicRecorder.header(command, "__TypeId__")).isEqualTo("ScheduleJob");
		assertThat(TopicRecorder.header(command, CloudEventHeaders.TYPE)).isEqualTo("dev.fleetjobs.ScheduleJob.v1");
	}

	@Test
	void givenBadRecordsThenEachGoesToTheDltWithItsReasonAndARejectionAndAGoodRecordAfterThemIsStillProcessed() {
		// Given many kinds of bad records, each with its own key
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<BadRecord> bad = List.of(
				new BadRecord("poison bytes", new byte[] { (byte) 0xff, (byte) 0xfe, 0x00, 0x13 }, "UNPARSEABLE", null),
				new BadRecord("empty value", new byte[0], "UNPARSEABLE", null),
				new BadRecord("not JSON", utf8("lock the doors"), "UNPARSEABLE", null),
				new BadRecord("a JSON array", utf8("[1,2]"), "WRONG_TYPE", null),
				new BadRecord("wrong JSON type", utf8(request("\"maxExecutionTimeInSeconds\":\"soon\"")), "WRONG_TYPE",
						"maxExecutionTimeInSeconds"),
				new BadRecord("unknown field", utf8(request("\"priority\":\"high\"")), "UNKNOWN_FIELD", "priority"),
				new BadRecord("oversized", utf8(request("\"labels\":{\"big\":\"" + "x".repeat(70_000) + "\"}")),
						"TOO_LARGE", null),
				new BadRecord("bad method name",
						utf8(request("\"requestId\":\"bad-method-" + run + "\"").replace("lockDoor", "lock(Door)")),
						"VALIDATION_FAILED", "action.directMethod.methodName"),
				new BadRecord("bad query",
						utf8(request("").replace("{\"deviceIds\":[\"door-1\"]}",
								"{\"queryCondition\":\"deviceId = 'a' OR OR\"}")),
						"VALIDATION_FAILED", "target.queryCondition"),
				new BadRecord("start time too old", utf8(request("\"startTime\":\"2001-01-01T00:00:00Z\"")),
						"VALIDATION_FAILED", "startTime"),
				new BadRecord("tag filter with an object",
						utf8(request("").replace("{\"deviceIds\":[\"door-1\"]}", "{\"tags\":{\"floor\":{\"n\":3}}}")),
						"VALIDATION_FAILED", "target.tags.floor"),
				new BadRecord("rollout threshold over 100",
						utf8(request(
								"\"rollout\":{\"abort\":[{\"failureType\":\"ALL\",\"thresholdPercentage\":101}]}")),
						"VALIDATION_FAILED", "rollout.abort[0].thresholdPercentage"),
				new BadRecord("rollout window that never opens",
						utf8(request("\"rollout\":{\"maintenanceWindows\":[{\"startTime\":\"2020-01-01T00:00:00Z\","
								+ "\"durationInSeconds\":60}]}")),
						"VALIDATION_FAILED", "rollout.maintenanceWindows"),
				new BadRecord("rollout rate of the wrong type",
						utf8(request("\"rollout\":{\"maxDevicesPerMinute\":\"fast\"}")), "WRONG_TYPE",
						"rollout.maxDevicesPerMinute"));

		// When they are sent, followed by a good one
		for (int i = 0; i < bad.size(); i++) {
			this.topics.sendRequest("bad-" + run + "-" + i, bad.get(i).value(),
					new RecordHeader("trace", utf8("t-" + i)));
		}
		String good = "after-bad-" + run;
		this.topics.sendRequest("good-" + run, request("\"requestId\":\"" + good + "\""));

		// Then the good one becomes a command: the consumer kept consuming
		this.topics.awaitRecord(Topics.COMMANDS, JobIds.fromRequestId(good));

		// And each bad one is on the DLT, unchanged, with its reason, and has a rejection
		for (int i = 0; i < bad.size(); i++) {
			BadRecord expected = bad.get(i);
			String key = "bad-" + run + "-" + i;
			ConsumerRecord<String, byte[]> dead = this.topics.awaitRecord(Topics.REQUESTS_DLT, key);
			assertThat(dead.value()).as(expected.what()).isEqualTo(expected.value());
			assertThat(TopicRecorder.header(dead, DltHeaders.ERROR_CODE)).as(expected.what())
				.isEqualTo(expected.code());
			assertThat(TopicRecorder.header(dead, DltHeaders.FIELD)).as(expected.what()).isEqualTo(expected.field());
			assertThat(TopicRecorder.header(dead, DltHeaders.REASON)).as(expected.what()).isNotBlank();
			assertThat(TopicRecorder.header(dead, "trace")).isEqualTo("t-" + i);
			assertThat(TopicRecorder.header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.REQUESTS);
			assertThat(ByteBuffer.wrap(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong())
				.isNotNegative();

			String rejectionKey = expected.what().equals("bad method name") ? "bad-method-" + run : key;
			ConsumerRecord<String, byte[]> rejection = this.topics.awaitRecord(Topics.REQUEST_REJECTIONS, rejectionKey);
			JsonNode event = JSON.readTree(rejection.value());
			assertThat(event.path("errorCode").asString()).as(expected.what()).isEqualTo(expected.code());
			assertThat(event.path("channel").asString()).isEqualTo("kafka");
			assertThat(TopicRecorder.header(rejection, "__TypeId__")).isEqualTo("JobRequestRejected");
			assertThat(TopicRecorder.header(rejection, CloudEventHeaders.TYPE))
				.isEqualTo("dev.fleetjobs.JobRequestRejected.v1");
		}
	}

	@Test
	void givenTheSameRequestIdTwiceOnTheTopicThenOneCommandAndAConflictingDefinitionIsRejected() {
		String requestId = "kafka-dup-" + UUID.randomUUID();
		String original = request("\"requestId\":\"" + requestId + "\"");
		String different = original.replace("lockDoor", "unlockDoor");

		this.topics.sendRequest("k1", original);
		this.topics.sendRequest("k2", original);
		this.topics.sendRequest("k3", different);
		String marker = "marker-" + UUID.randomUUID();
		this.topics.sendRequest("k4", request("\"requestId\":\"" + marker + "\""));

		this.topics.awaitRecord(Topics.COMMANDS, JobIds.fromRequestId(marker));
		assertThat(this.topics.records(Topics.COMMANDS, JobIds.fromRequestId(requestId))).hasSize(1);
		ConsumerRecord<String, byte[]> rejection = this.topics.awaitRecord(Topics.REQUEST_REJECTIONS, requestId);
		assertThat(JSON.readTree(rejection.value()).path("errorCode").asString()).isEqualTo("REQUEST_ID_CONFLICT");
		assertThat(JSON.readTree(rejection.value()).path("jobId").asString())
			.isEqualTo(JobIds.fromRequestId(requestId));
	}

	@Test
	void givenARequestWithoutRequestIdThenTheJobIdIsDerivedFromTheRecordPosition() {
		String key = "no-request-id-" + UUID.randomUUID();
		this.topics.sendRequest(key, request("\"labels\":{\"key\":\"" + key + "\"}"));

		ConsumerRecord<String, byte[]> command = this.topics.awaitRecord(Topics.COMMANDS,
				(record) -> new String(record.value(), StandardCharsets.UTF_8).contains(key));

		assertThat(JobIds.isValid(command.key())).isTrue();
		assertThat(JSON.readTree(command.value()).path("requestId").isNull()).isTrue();
	}

	private static String request(String extra) {
		return "{\"target\":{\"deviceIds\":[\"door-1\"]},\"action\":{\"directMethod\":{\"methodName\":\"lockDoor\"}}"
				+ (extra.isEmpty() ? "" : "," + extra) + "}";
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private record BadRecord(String what, byte[] value, String code, String field) {
	}

}
