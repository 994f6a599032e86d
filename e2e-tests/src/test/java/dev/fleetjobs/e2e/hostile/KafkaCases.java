package dev.fleetjobs.e2e.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.fleetjobs.contracts.DltHeaders;
import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.request.MethodInvocation;
import dev.fleetjobs.e2e.support.TopicTail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged records on the ingress topic and on the internal topics: each must end on its
 * dead-letter topic with the reason in headers (and, for the ingress, a
 * {@code JobRequestRejected}).
 */
final class KafkaCases {

	private static final String TYPE = "__TypeId__";

	private static final String TAGS = "{\"tags\":{\"building\":1}}";

	private final KafkaProbe kafka;

	private final String run;

	private int serial;

	KafkaCases(KafkaProbe kafka, String run) {
		this.kafka = kafka;
		this.run = run;
	}

	List<HostileCase> all() {
		List<HostileCase> cases = new ArrayList<>();
		cases.add(ingress("poison bytes", (key) -> new byte[] { (byte) 0xff, (byte) 0xfe, 0, 1, 2 }, Map.of(),
				"UNPARSEABLE", null));
		cases.add(ingress("null value (tombstone)", (key) -> null, Map.of(), "UNPARSEABLE", null));
		cases.add(ingress("query injection ; DROP",
				(key) -> request(key, "{\"queryCondition\":\"1=1; DROP TABLE devices\"}", ""), Map.of(),
				"VALIDATION_FAILED", "target.queryCondition"));
		cases.add(ingress("device id ../", (key) -> request(key, "{\"deviceIds\":[\"../../etc/passwd\"]}", ""),
				Map.of(), "VALIDATION_FAILED", "target.deviceIds[0]"));
		cases.add(ingress("record larger than 256 KB",
				(key) -> request(key, TAGS, ",\"labels\":{\"pad\":\"" + "x".repeat(300_000) + "\"}"), Map.of(),
				"TOO_LARGE", null));
		cases.add(ingress("wrong schema (a CancelJob with its type header)",
				(key) -> utf8("{\"requestId\":\"" + key + "\",\"jobId\":\"x\",\"reason\":\"r\"}"),
				Map.of(TYPE, "CancelJob"), "UNKNOWN_FIELD", "jobId"));
		cases.add(ingress("wrong type (string for a number)",
				(key) -> request(key, TAGS, ",\"maxExecutionTimeInSeconds\":\"soon\""), Map.of(), "WRONG_TYPE",
				"maxExecutionTimeInSeconds"));
		cases.add(new HostileCase("Kafka " + Topics.REQUESTS, "null key and an invalid request", () -> {
			String requestId = id();
			String caseId = this.kafka.send(Topics.REQUESTS, null,
					utf8("{\"requestId\":\"" + requestId + "\",\"target\":{},\"action\":null}"), Map.of());
			TopicTail.Seen dead = this.kafka.awaitDeadLetter(Topics.REQUESTS_DLT, caseId);
			assertThat(dead.headers().get(DltHeaders.ERROR_CODE)).isEqualTo("VALIDATION_FAILED");
			this.kafka.awaitRejection(requestId);
			return KafkaProbe.summary(Topics.REQUESTS_DLT, dead) + " + JobRequestRejected";
		}));
		cases.add(forged(Topics.COMMANDS, "a JobRequest with a CancelJob type header", request(id(), TAGS, ""),
				Map.of(TYPE, "CancelJob"), "INVALID_COMMAND"));
		cases.add(forged(Topics.COMMANDS, "no __TypeId__ header", utf8("{\"jobId\":\"" + id() + "\"}"), Map.of(),
				"UNPARSEABLE"));
		cases.add(forged(Topics.COMMANDS, "poison bytes", new byte[] { 0, 1, 2, (byte) 0xc3 },
				Map.of(TYPE, "ScheduleJob"), "UNPARSEABLE"));
		cases.add(forged(Topics.COMMANDS, "null value", null, Map.of(TYPE, "ScheduleJob"), "EMPTY"));
		cases.add(forged(Topics.COMMANDS, "a JDK class in __TypeId__ (java.lang.ProcessBuilder)", utf8("{}"),
				Map.of(TYPE, "java.lang.ProcessBuilder"), "UNPARSEABLE"));
		cases.add(forged(Topics.COMMANDS, "a map type in __TypeId__ (java.util.HashMap)", utf8("{\"a\":1}"),
				Map.of(TYPE, "java.util.HashMap"), "UNPARSEABLE"));
		cases.add(forged(Topics.LIFECYCLE, "poison bytes", new byte[] { 0, 1 }, Map.of(TYPE, "JobSubmitted"),
				"UNPARSEABLE"));
		cases.add(forged(Topics.LIFECYCLE, "no __TypeId__ header", utf8("{\"jobId\":\"" + id() + "\"}"), Map.of(),
				"UNPARSEABLE"));
		cases.add(forged(Topics.LIFECYCLE, "JobSubmitted missing its fields", utf8("{\"jobId\":null}"),
				Map.of(TYPE, "JobSubmitted"), "UNPARSEABLE"));
		cases.add(forged(Topics.LIFECYCLE, "null value", null, Map.of(TYPE, "JobSubmitted"), "WRONG_TYPE"));
		cases.add(forged(Topics.LIFECYCLE, "a whole ScheduleJob command on the lifecycle topic", scheduleJob(),
				Map.of(TYPE, "ScheduleJob"), "WRONG_TYPE"));
		return cases;
	}

	/**
	 * A bad record on the ingress topic; its key is also its request id (when it has
	 * one), which keys the rejection.
	 */
	private HostileCase ingress(String name, Function<String, byte[]> valueForKey, Map<String, String> headers,
			String code, String field) {
		return new HostileCase("Kafka " + Topics.REQUESTS, name, () -> {
			String key = id();
			byte[] value = valueForKey.apply(key);
			String caseId = this.kafka.send(Topics.REQUESTS, key, value, headers);
			TopicTail.Seen dead = this.kafka.awaitDeadLetter(Topics.REQUESTS_DLT, caseId);
			assertThat(dead.headers().get(DltHeaders.ERROR_CODE)).isEqualTo(code);
			assertThat(dead.headers().get(DltHeaders.FIELD)).isEqualTo(field);
			if (value != null) {
				assertThat(dead.value()).as("the original bytes").isEqualTo(value);
			}
			TopicTail.Seen rejection = this.kafka.awaitRejection(key);
			assertThat(rejection.text()).contains("\"errorCode\":\"" + code + "\"");
			return KafkaProbe.summary(Topics.REQUESTS_DLT, dead) + " + JobRequestRejected";
		});
	}

	private HostileCase forged(String topic, String name, byte[] value, Map<String, String> headers, String code) {
		return new HostileCase("Kafka " + topic, name, () -> {
			String caseId = this.kafka.send(topic, id(), value, headers);
			String dltTopic = topic + Topics.DLT_SUFFIX;
			TopicTail.Seen dead = this.kafka.awaitDeadLetter(dltTopic, caseId);
			assertThat(dead.headers().get(DltHeaders.ERROR_CODE)).isEqualTo(code);
			return KafkaProbe.summary(dltTopic, dead);
		});
	}

	private static byte[] request(String requestId, String target, String extra) {
		return utf8("{\"requestId\":\"" + requestId + "\",\"target\":" + target
				+ ",\"action\":{\"directMethod\":{\"methodName\":\"lockDoor\"}}" + extra + "}");
	}

	private byte[] scheduleJob() {
		String id = id();
		return TopicTail.JSON.writeValueAsBytes(new ScheduleJob(id, id, JobType.DEVICE_METHOD, "tags.building = 1",
				new MethodInvocation("lockDoor", null, 30, 0), null, Instant.now(), 3600, Map.of(), "rest", "forger",
				Instant.now()));
	}

	private String id() {
		return this.run + "-k" + (++this.serial);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
