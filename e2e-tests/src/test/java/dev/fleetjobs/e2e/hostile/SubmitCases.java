package dev.fleetjobs.e2e.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bad and hostile bodies for {@code POST /api/jobs} of job-request-service, sent with a
 * valid API key: each must be a problem+json refusal that names its reason and field.
 */
final class SubmitCases {

	static final String CHANNEL = "REST POST /api/jobs";

	private static final String TAGS = "{\"tags\":{\"building\":1}}";

	private final RestProbe rest;

	private final String url;

	private final String apiKey;

	private final String run;

	private int serial;

	SubmitCases(RestProbe rest, String url, String apiKey, String run) {
		this.rest = rest;
		this.url = url;
		this.apiKey = apiKey;
		this.run = run;
	}

	List<HostileCase> all() {
		List<HostileCase> cases = new ArrayList<>();
		cases.add(raw("malformed JSON", "{\"requestId\":", 400, "unparseable", null));
		String valid = job(TAGS, "");
		cases.add(raw("truncated body", valid.substring(0, valid.length() / 2), 400, "unparseable", null));
		cases.add(raw("body larger than 256 KB", job(TAGS, ",\"labels\":{\"pad\":\"" + "x".repeat(300_000) + "\"}"),
				413, "too-large", null));
		cases.add(raw("payload nested 3000 deep", lockDoorWithPayload("[".repeat(3000) + "]".repeat(3000)), 400,
				"wrong-type", "action.directMethod.payload"));
		cases.add(raw("wrong type (string for a number)", job(TAGS, ",\"maxExecutionTimeInSeconds\":\"soon\""), 400,
				"wrong-type", "maxExecutionTimeInSeconds"));
		cases.add(raw("wrong type (string for the target object)", job("\"everything\"", ""), 400, "wrong-type",
				"target"));
		cases.add(raw("null where required (action)",
				"{\"requestId\":\"" + id() + "\",\"target\":" + TAGS + ",\"action\":null}", 400, "validation-failed",
				"action"));
		cases.add(raw("unknown field", job(TAGS, ",\"priority\":9"), 400, "unknown-field", "priority"));
		cases
			.add(raw("duplicate keys",
					"{\"requestId\":\"" + id() + "\",\"requestId\":\"" + id() + "\",\"target\":" + TAGS
							+ ",\"action\":{\"directMethod\":{\"methodName\":\"lockDoor\"}}}",
					400, "unparseable", null));
		cases.add(raw("a JSON array instead of an object", "[" + valid + "]", 400, "wrong-type", null));
		cases.add(raw("empty body", "", 400, "unparseable", null));
		cases.add(new HostileCase(CHANNEL, "bytes that are not UTF-8",
				() -> RestProbe.assertProblem(post(new byte[] { (byte) 0xff, (byte) 0xfe, '{', 0 }, "application/json"),
						400, "unparseable", null)));
		cases.add(query("query injection ' OR 1=1 --", "tags.building = '1' OR 1=1 --"));
		cases.add(query("query injection ; DROP", "tags.building = 1; DROP TABLE devices"));
		cases.add(query("query injection SELECT", "SELECT * FROM devices WHERE tags.building = 1"));
		cases.add(query("query injection UNION", "tags.building = 1 UNION SELECT * FROM devices.jobs"));
		cases.add(query("query with a /* comment */", "tags.building = 1 /* and everything else */"));
		cases.add(query("query with unbalanced quotes", "tags.name = 'abc"));
		cases.add(deviceId("device id with quotes", "door\\\"; DROP TABLE devices; --"));
		cases.add(deviceId("device id with ../", "../../etc/passwd"));
		cases.add(deviceId("device id with unicode", "t\u00fcr-1\u202e"));
		cases.add(deviceId("device id with a control character", "door\\u0000-1"));
		cases.add(deviceId("device id of 129 characters", "d".repeat(129)));
		cases.add(raw("empty target", job("{}", ""), 400, "validation-failed", "target"));
		cases.add(raw("start time in 1970", job(TAGS, ",\"startTime\":\"1970-01-01T00:00:00Z\""), 400,
				"validation-failed", "startTime"));
		cases.add(raw("negative max execution time", job(TAGS, ",\"maxExecutionTimeInSeconds\":-1"), 400,
				"validation-failed", "maxExecutionTimeInSeconds"));
		cases.add(raw("max execution time of 31,000 years", job(TAGS, ",\"maxExecutionTimeInSeconds\":999999999999"),
				400, "validation-failed", "maxExecutionTimeInSeconds"));
		cases.add(raw("method name the hub refuses ($, spaces)",
				"{\"requestId\":\"" + id() + "\",\"target\":" + TAGS
						+ ",\"action\":{\"directMethod\":{\"methodName\":\"$iothub reboot\"}}}",
				400, "validation-failed", "action.directMethod.methodName"));
		cases.add(new HostileCase(CHANNEL, "wrong content type (text/plain)",
				() -> RestProbe.assertProblem(post(job(TAGS, "").getBytes(StandardCharsets.UTF_8), "text/plain"), 415,
						"unsupported-media-type", null)));
		cases.add(new HostileCase(CHANNEL, "wrong API key",
				() -> RestProbe.assertProblem(this.rest.send("POST", this.url,
						Map.of("Content-Type", "application/json", "X-API-Key", this.apiKey + "x"),
						job(TAGS, "").getBytes(StandardCharsets.UTF_8)), 401, "unauthorized", null)));
		cases
			.add(new HostileCase(CHANNEL, "HTTP Basic credentials",
					() -> RestProbe.assertProblem(
							this.rest.send("POST", this.url,
									Map.of("Content-Type", "application/json", "Authorization",
											"Basic YWRtaW46YWRtaW4="),
									job(TAGS, "").getBytes(StandardCharsets.UTF_8)),
							401, "unauthorized", null)));
		cases.add(new HostileCase("REST DELETE /api/jobs", "a method the API does not have",
				() -> RestProbe.assertProblem(
						this.rest.send("DELETE", this.url, Map.of("X-API-Key", this.apiKey), null), 405,
						"method-not-allowed", null)));
		return cases;
	}

	private HostileCase raw(String name, String body, int status, String code, String field) {
		return new HostileCase(CHANNEL, name, () -> RestProbe
			.assertProblem(post(body.getBytes(StandardCharsets.UTF_8), "application/json"), status, code, field));
	}

	private HostileCase query(String name, String condition) {
		return raw(name, job("{\"queryCondition\":\"" + condition + "\"}", ""), 400, "validation-failed",
				"target.queryCondition");
	}

	private HostileCase deviceId(String name, String jsonEscapedId) {
		return raw(name, job("{\"deviceIds\":[\"" + jsonEscapedId + "\"]}", ""), 400, "validation-failed",
				"target.deviceIds[0]");
	}

	private RestProbe.Answer post(byte[] body, String contentType) {
		return this.rest.send("POST", this.url, Map.of("Content-Type", contentType, "X-API-Key", this.apiKey), body);
	}

	/** A lockDoor request with the target and extra members; a fresh request id. */
	private String job(String target, String extra) {
		return "{\"requestId\":\"" + id() + "\",\"target\":" + target
				+ ",\"action\":{\"directMethod\":{\"methodName\":\"lockDoor\"}}" + extra + "}";
	}

	private String lockDoorWithPayload(String payload) {
		return "{\"requestId\":\"" + id() + "\",\"target\":" + TAGS
				+ ",\"action\":{\"directMethod\":{\"methodName\":\"lockDoor\",\"payload\":" + payload + "}}}";
	}

	/**
	 * Request ids of bad requests start with the run's prefix, so none may show up as a
	 * command.
	 */
	private String id() {
		return this.run + "-" + (++this.serial);
	}

}
