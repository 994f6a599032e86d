package dev.fleetjobs.request.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.fleetjobs.contracts.CloudEventHeaders;
import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.support.testing.Api;
import dev.fleetjobs.testsupport.KafkaIntegrationTest;
import dev.fleetjobs.testsupport.TestCredentials;
import dev.fleetjobs.testsupport.TopicRecorder;
import dev.fleetjobs.request.idempotency.JobIds;
import dev.fleetjobs.request.idempotency.RequestFingerprint;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.fleetjobs.support.testing.Api.apiKey;
import static org.assertj.core.api.Assertions.assertThat;

/** REST to {@code fleetjobs.commands}, against the embedded broker. */
@KafkaIntegrationTest
class JobControllerIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] ALL_SCOPES = apiKey(TestCredentials.ALL_SCOPES_KEY);

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	TopicRecorder topics;

	private Api api;

	private Api management;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
		this.management = new Api(this.managementPort);
	}

	@Test
	void givenTheTutorialLockDoorJobWhenPostedThen202AndAScheduleJobKeyedByJobIdWithCloudEventsHeaders() {
		// Given the tutorial's lockDoor direct method on one device, with a request id
		String requestId = "rest-" + UUID.randomUUID();
		String body = """
				{"requestId":"%s","target":{"deviceIds":["door-1","o'brien"]},
				 "action":{"directMethod":{"methodName":"lockDoor","payload":{"lockTime":"10m"},"responseTimeoutInSeconds":60}},
				 "maxExecutionTimeInSeconds":600,"labels":{"ticket":"T-1"}}"""
			.formatted(requestId);

		// When it is posted
		Api.Response response = this.api.post("/api/jobs", body, ALL_SCOPES);

		// Then the answer is 202 with the jobId and its Location
		String jobId = JobIds.fromRequestId(requestId);
		assertThat(response.status()).isEqualTo(202);
		assertThat(response.header("Location")).isEqualTo("/api/jobs/" + jobId);
		assertThat(response.json().path("jobId").asString()).isEqualTo(jobId);
		assertThat(response.json().path("status").asString()).isEqualTo("ACCEPTED");

		// And the command is on fleetjobs.commands, keyed by jobId, with its headers
		ConsumerRecord<String, byte[]> command = this.topics.awaitRecord(Topics.COMMANDS, jobId);
		assertThat(TopicRecorder.header(command, "__TypeId__")).isEqualTo("ScheduleJob");
		assertThat(TopicRecorder.header(command, CloudEventHeaders.TYPE)).isEqualTo("dev.fleetjobs.ScheduleJob.v1");
		assertThat(TopicRecorder.header(command, CloudEventHeaders.SOURCE)).isEqualTo("/job-request-service");
		assertThat(TopicRecorder.header(command, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
		assertThat(TopicRecorder.header(command, CloudEventHeaders.SUBJECT)).isEqualTo(jobId);
		assertThat(TopicRecorder.header(command, CloudEventHeaders.ID)).isNotBlank();
		assertThat(Instant.parse(TopicRecorder.header(command, CloudEventHeaders.TIME)))
			.isBeforeOrEqualTo(Instant.now());
		assertThat(TopicRecorder.header(command, RequestFingerprint.HEADER)).hasSize(64);
		JsonNode payload = JSON.readTree(command.value());
		assertThat(payload.path("jobType").asString()).isEqualTo("DEVICE_METHOD");
		assertThat(payload.path("queryCondition").asString()).isEqualTo("deviceId IN ['door-1', 'o\\'brien']");
		assertThat(payload.path("directMethod").path("payload").path("lockTime").asString()).isEqualTo("10m");
		assertThat(payload.path("directMethod").path("connectTimeoutInSeconds").asInt()).isZero();
		assertThat(payload.path("channel").asString()).isEqualTo("rest");
		assertThat(payload.path("principal").asString()).isEqualTo(TestCredentials.ALL_SCOPES_NAME);
		assertThat(payload.path("labels").path("ticket").asString()).isEqualTo("T-1");
	}

	@Test
	void givenTheTutorialTwinUpdateWhenPostedThenTheCommandCarriesTheDesiredPatch() {
		Api.Response response = this.api.post("/api/jobs", """
				{"target":{"queryCondition":"tags.building = 43 AND tags.floor = 3"},
				 "action":{"twinUpdate":{"desiredProperties":{"building":43,"floor":3}}}}""", ALL_SCOPES);

		assertThat(response.status()).isEqualTo(202);
		JsonNode payload = JSON
			.readTree(this.topics.awaitRecord(Topics.COMMANDS, response.json().path("jobId").asString()).value());
		assertThat(payload.path("jobType").asString()).isEqualTo("TWIN_UPDATE");
		assertThat(payload.path("twinUpdate").path("desiredProperties").path("floor").asInt()).isEqualTo(3);
		assertThat(payload.path("requestId").isNull()).isTrue();
	}

	@Test
	void givenARequestIdResubmittedThenTheSameJobIdAndNoSecondCommand() {
		String body = lockDoor("resubmit-" + UUID.randomUUID(), "lockDoor");
		Api.Response first = this.api.post("/api/jobs", body, ALL_SCOPES);

		Api.Response second = this.api.post("/api/jobs", body, ALL_SCOPES);

		String jobId = first.json().path("jobId").asString();
		assertThat(second.status()).isEqualTo(202);
		assertThat(second.json().path("jobId").asString()).isEqualTo(jobId);
		assertThat(second.json().path("duplicate").asBoolean()).isTrue();
		this.topics.awaitRecord(Topics.COMMANDS, jobId);
		assertThat(this.topics.records(Topics.COMMANDS, jobId)).hasSize(1);
	}

	@Test
	void givenARequestIdReusedForAnotherDefinitionThen409ProblemAndNoSecondCommand() {
		String requestId = "conflict-" + UUID.randomUUID();
		this.api.post("/api/jobs", lockDoor(requestId, "lockDoor"), ALL_SCOPES);

		Api.Response conflict = this.api.post("/api/jobs", lockDoor(requestId, "unlockDoor"), ALL_SCOPES);

		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(conflict.json().path("type").asString())
			.isEqualTo("https://fleetjobs.dev/problems/request-id-conflict");
		assertThat(conflict.json().path("field").asString()).isEqualTo("requestId");
		assertThat(this.topics.records(Topics.COMMANDS, JobIds.fromRequestId(requestId))).hasSize(1);
	}

	@Test
	void givenARolloutWhenPostedThenTheCommandAndTheJobViewCarryItAndAnotherRolloutUnderTheSameRequestIdConflicts() {
		// Given a lockDoor rollout at 200 devices a minute that aborts at 20 % failures
		String requestId = "rollout-" + UUID.randomUUID();
		String rollout = """
				{"maxDevicesPerMinute":200,"waveIntervalInSeconds":6,
				 "abort":[{"failureType":"FAILED","thresholdPercentage":20,"minNumberOfExecutedDevices":50,"action":"CANCEL"}],
				 "retry":[{"failureType":"TIMED_OUT","numberOfRetries":3,"backoffInSeconds":20}],
				 "targetSelection":"CONTINUOUS"}""";

		// When it is posted
		Api.Response response = this.api.post("/api/jobs", rolloutRequest(requestId, rollout), ALL_SCOPES);

		// Then the command carries the rollout as requested
		String jobId = JobIds.fromRequestId(requestId);
		assertThat(response.status()).isEqualTo(202);
		JsonNode command = JSON.readTree(this.topics.awaitRecord(Topics.COMMANDS, jobId).value());
		assertThat(command.path("rollout").path("maxDevicesPerMinute").asInt()).isEqualTo(200);
		assertThat(command.path("rollout").path("abort").path(0).path("thresholdPercentage").asDouble())
			.isEqualTo(20.0);
		assertThat(command.path("rollout").path("retry").path(0).path("failureType").asString()).isEqualTo("TIMED_OUT");
		assertThat(command.path("rollout").path("targetSelection").asString()).isEqualTo("CONTINUOUS");

		// And the job shows it
		JsonNode view = this.api.get("/api/jobs/" + jobId, ALL_SCOPES).json();
		assertThat(view.path("rollout").path("waveIntervalInSeconds").asInt()).isEqualTo(6);

		// And the same request id resubmitted is a duplicate, with another rate a
		// conflict
		assertThat(this.api.post("/api/jobs", rolloutRequest(requestId, rollout), ALL_SCOPES)
			.json()
			.path("duplicate")
			.asBoolean()).isTrue();
		Api.Response conflict = this.api.post("/api/jobs", rolloutRequest(requestId, rollout.replace("200", "300")),
				ALL_SCOPES);
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(this.topics.records(Topics.COMMANDS, jobId)).hasSize(1);
	}

	private static String rolloutRequest(String requestId, String rollout) {
		return """
				{"requestId":"%s","target":{"tags":{"building":43}},
				 "action":{"directMethod":{"methodName":"lockDoor"}},"rollout":%s}""".formatted(requestId, rollout);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					unknown field        | {"target":{"queryCondition":"*"},"action":{"directMethod":{"methodName":"a"}},"colour":"red"} | unknown-field    | colour
					wrong JSON type      | {"target":{"queryCondition":"*"},"action":{"directMethod":{"methodName":"a","responseTimeoutInSeconds":"30"}}} | wrong-type | action.directMethod.responseTimeoutInSeconds
					not JSON             | lock all the doors please                                                       | unparseable      |
					a JSON array         | [{"target":{"queryCondition":"*"}}]                                             | wrong-type       |
					missing target       | {"action":{"directMethod":{"methodName":"a"}}}                                  | validation-failed | target
					two targets          | {"target":{"queryCondition":"*","deviceIds":["a"]},"action":{"directMethod":{"methodName":"a"}}} | validation-failed | target
					bad query syntax     | {"target":{"queryCondition":"tags.floor = "},"action":{"directMethod":{"methodName":"a"}}} | validation-failed | target.queryCondition
					query injection      | {"target":{"queryCondition":"deviceId = 'a'; DROP TABLE devices"},"action":{"directMethod":{"methodName":"a"}}} | validation-failed | target.queryCondition
					bad method name      | {"target":{"queryCondition":"*"},"action":{"directMethod":{"methodName":"lock/Door"}}} | validation-failed | action.directMethod.methodName
					response timeout     | {"target":{"queryCondition":"*"},"action":{"directMethod":{"methodName":"a","responseTimeoutInSeconds":301}}} | validation-failed | action.directMethod.responseTimeoutInSeconds
					connect timeout      | {"target":{"queryCondition":"*"},"action":{"directMethod":{"methodName":"a","connectTimeoutInSeconds":-1}}} | validation-failed | action.directMethod.connectTimeoutInSeconds
					start time too old   | {"target":{"queryCondition":"*"},"action":{"directMethod":{"methodName":"a"}},"startTime":"2020-01-01T00:00:00Z"} | validation-failed | startTime
					invalid device id    | {"target":{"deviceIds":["door 1"]},"action":{"directMethod":{"methodName":"a"}}} | validation-failed | target.deviceIds[0]
					twin key with $      | {"target":{"queryCondition":"*"},"action":{"twinUpdate":{"desiredProperties":{"$version":2}}}} | validation-failed | action.twinUpdate.desiredProperties.$version
					max execution time   | {"target":{"queryCondition":"*"},"action":{"directMethod":{"methodName":"a"}},"maxExecutionTimeInSeconds":0} | validation-failed | maxExecutionTimeInSeconds
					bad label name       | {"target":{"queryCondition":"*"},"action":{"directMethod":{"methodName":"a"}},"labels":{"bad key":"v"}} | validation-failed | labels.bad key
					no action            | {"target":{"queryCondition":"*"},"action":{}}                                   | validation-failed | action
					rollout rate         | {"target":{"queryCondition":"*"},"action":{"directMethod":{"methodName":"a"}},"rollout":{"maxDevicesPerMinute":0}} | validation-failed | rollout.maxDevicesPerMinute
					rollout threshold    | {"target":{"queryCondition":"*"},"action":{"directMethod":{"methodName":"a"}},"rollout":{"abort":[{"failureType":"FAILED","thresholdPercentage":150}]}} | validation-failed | rollout.abort[0].thresholdPercentage
					rollout window shut  | {"target":{"queryCondition":"*"},"action":{"directMethod":{"methodName":"a"}},"rollout":{"maintenanceWindows":[{"cron":"0 0 30 2 *","durationInSeconds":60}]}} | validation-failed | rollout.maintenanceWindows
					rollout bad enum     | {"target":{"queryCondition":"*"},"action":{"directMethod":{"methodName":"a"}},"rollout":{"targetSelection":"SOME"}} | wrong-type | rollout.targetSelection
					""")
	void givenBadInputThen400ProblemJsonNamingTheField(String what, String body, String type, String field) {
		// When a bad request is posted
		Api.Response response = this.api.post("/api/jobs", body, ALL_SCOPES);

		// Then it is refused with a problem that names the field
		assertThat(response.status()).as(what).isEqualTo(400);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).isEqualTo("https://fleetjobs.dev/problems/" + type);
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("detail").asString()).isNotBlank();
		assertThat(problem.path("field").isNull() ? null : problem.path("field").asString()).as(what).isEqualTo(field);
	}

	@Test
	void givenAMethodTheApiDoesNotHaveThen405ProblemWithATypeAndCode() {
		Api.Response response = this.api.get("/api/jobs", ALL_SCOPES);

		assertThat(response.status()).isEqualTo(405);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString())
			.isEqualTo("https://fleetjobs.dev/problems/method-not-allowed");
		assertThat(response.json().path("errorCode").asString()).isEqualTo("METHOD_NOT_ALLOWED");
	}

	@Test
	void givenABodyLargerThanTheLimitThen413Problem() {
		String body = lockDoor("large", "lockDoor").replace("\"lockDoor\"}",
				"\"lockDoor\",\"payload\":\"" + "x".repeat(70_000) + "\"}");

		Api.Response response = this.api.post("/api/jobs", body, ALL_SCOPES);

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().path("type").asString()).isEqualTo("https://fleetjobs.dev/problems/too-large");
	}

	@Test
	void givenAChunkedBodyLargerThanTheLimitThen413ProblemWithoutReadingItAll() {
		byte[] body = ("{\"labels\":{\"x\":\"" + "y".repeat(5_000_000) + "\"}}").getBytes();

		Api.Response response = this.api.postChunked("/api/jobs", body, ALL_SCOPES);

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().path("type").asString()).isEqualTo("https://fleetjobs.dev/problems/too-large");
		assertThat(response.json().path("detail").asString()).contains("65537 bytes");
	}

	@Test
	void givenNoOrWrongCredentialsThen401ProblemAndNoCommand() {
		String requestId = "unauthorized-" + UUID.randomUUID();
		Api.Response none = this.api.post("/api/jobs", lockDoor(requestId, "lockDoor"));
		Api.Response wrongKey = this.api.post("/api/jobs", lockDoor(requestId, "lockDoor"), apiKey("not-a-key"));
		Api.Response forgedJwt = this.api.post("/api/jobs", lockDoor(requestId, "lockDoor"), Api.bearer(TestCredentials
			.jwt("mallory", "jobs:submit", Instant.now().plusSeconds(60), "another-secret-of-at-least-32-bytes!!")));
		Api.Response expiredJwt = this.api.post("/api/jobs", lockDoor(requestId, "lockDoor"), Api.bearer(TestCredentials
			.jwt("ops", "jobs:submit", Instant.now().minusSeconds(600), TestCredentials.HMAC_SECRET)));

		for (Api.Response response : new Api.Response[] { none, wrongKey, forgedJwt, expiredJwt }) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
			assertThat(response.json().path("type").asString())
				.isEqualTo("https://fleetjobs.dev/problems/unauthorized");
		}
		assertThat(this.api.get("/api/jobs/" + JobIds.fromRequestId(requestId)).status()).isEqualTo(401);
		assertThat(this.topics.records(Topics.COMMANDS, JobIds.fromRequestId(requestId))).isEmpty();
	}

	@Test
	void givenCredentialsWithoutTheScopeThen403Problem() {
		Api.Response readOnlyKey = this.api.post("/api/jobs", lockDoor("forbidden-1", "lockDoor"),
				apiKey(TestCredentials.READ_ONLY_KEY));
		Api.Response readOnlyJwt = this.api.post("/api/jobs/" + JobIds.random() + "/cancel", null,
				Api.bearer(TestCredentials.jwt("viewer", "jobs:read")));

		for (Api.Response response : new Api.Response[] { readOnlyKey, readOnlyJwt }) {
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
			assertThat(response.json().path("type").asString()).isEqualTo("https://fleetjobs.dev/problems/forbidden");
		}
	}

	@Test
	void givenAJwtWithTheSubmitScopeThenTheSubjectIsThePrincipal() {
		Api.Response response = this.api.post("/api/jobs", lockDoor("jwt-" + UUID.randomUUID(), "lockDoor"),
				Api.bearer(TestCredentials.jwt("scheduler-7", "jobs:submit jobs:read")));

		assertThat(response.status()).isEqualTo(202);
		String jobId = response.json().path("jobId").asString();
		assertThat(JSON.readTree(this.topics.awaitRecord(Topics.COMMANDS, jobId).value()).path("principal").asString())
			.isEqualTo("scheduler-7");
		assertThat(this.api.get("/api/jobs/" + jobId, Api.bearer(TestCredentials.jwt("viewer", "jobs:read"))).status())
			.isEqualTo(200);
	}

	@Test
	void givenAnAcceptedJobWhenCancelledThenACancelJobCommandAndTheJobShowsIt() {
		String jobId = this.api.post("/api/jobs", lockDoor("cancel-" + UUID.randomUUID(), "lockDoor"), ALL_SCOPES)
			.json()
			.path("jobId")
			.asString();

		Api.Response cancel = this.api.post("/api/jobs/" + jobId + "/cancel", "{\"reason\":\"wrong floor\"}",
				"Authorization", "ApiKey " + TestCredentials.ALL_SCOPES_KEY);

		assertThat(cancel.status()).isEqualTo(202);
		ConsumerRecord<String, byte[]> command = this.topics.awaitRecord(Topics.COMMANDS,
				(record) -> jobId.equals(record.key())
						&& "CancelJob".equals(TopicRecorder.header(record, "__TypeId__")));
		assertThat(JSON.readTree(command.value()).path("reason").asString()).isEqualTo("wrong floor");
		assertThat(this.api.get("/api/jobs/" + jobId, ALL_SCOPES).json().path("status").asString())
			.isEqualTo("CANCEL_REQUESTED");
	}

	@Test
	void givenABadOrUnknownJobIdThenProblemsNamingTheJobId() {
		Api.Response badCancel = this.api.post("/api/jobs/not_a_job/cancel", null, ALL_SCOPES);
		Api.Response unknown = this.api.get("/api/jobs/" + JobIds.random(), ALL_SCOPES);

		assertThat(badCancel.status()).isEqualTo(400);
		assertThat(badCancel.json().path("field").asString()).isEqualTo("jobId");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("type").asString()).isEqualTo("https://fleetjobs.dev/problems/job-not-found");
	}

	@Test
	void givenRequestsThenPrometheusCountsThemByChannelAndReasonAndActuatorRevealsNoSecrets() {
		this.api.post("/api/jobs", lockDoor("metrics-" + UUID.randomUUID(), "lockDoor"), ALL_SCOPES);
		this.api.post("/api/jobs", lockDoor("metrics-" + UUID.randomUUID(), "lock/Door"), ALL_SCOPES);

		String prometheus = this.management.get("/actuator/prometheus").text();
		assertThat(prometheus).containsPattern("fleetjobs_requests_accepted_total\\{channel=\"rest\"} [1-9]")
			.containsPattern(
					"fleetjobs_requests_rejected_total\\{channel=\"rest\",reason=\"VALIDATION_FAILED\"} [1-9]");

		String everything = prometheus + this.management.get("/actuator/health").text()
				+ this.management.get("/actuator/info").text()
				+ this.management.get("/actuator/health/readiness").text();
		assertThat(everything).doesNotContain(TestCredentials.HMAC_SECRET)
			.doesNotContain(TestCredentials.ALL_SCOPES_HASH)
			.doesNotContain(TestCredentials.ALL_SCOPES_KEY);
		assertThat(this.management.get("/actuator/env").status()).isEqualTo(401);
		assertThat(this.management.get("/actuator/configprops", ALL_SCOPES).status()).isEqualTo(404);
		// the API port serves no actuator endpoint at all
		assertThat(this.api.get("/actuator/health").status()).isEqualTo(404);
	}

	@Test
	void givenTheServiceThenReadinessIncludesKafkaAndTheIndexAndTheOpenApiDocumentIsServed() {
		JsonNode readiness = this.management.get("/actuator/health/readiness").json();

		assertThat(readiness.path("status").asString()).isEqualTo("UP");
		assertThat(readiness.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
		assertThat(readiness.path("components").path("idempotencyIndex").path("status").asString()).isEqualTo("UP");
		JsonNode openApi = this.api.get("/v3/api-docs").json();
		assertThat(openApi.path("paths").has("/api/jobs")).isTrue();
		JsonNode examples = openApi.at("/paths/~1api~1jobs/post/requestBody/content/application~1json/examples");
		assertThat(examples.path("rollout").path("value").path("rollout").path("maxDevicesPerMinute").asInt())
			.isEqualTo(200);
		assertThat(openApi.at("/components/schemas/Rollout/properties").has("maintenanceWindows")).isTrue();
		// the examples are valid requests
		for (String example : List.of(JobController.LOCK_DOOR_EXAMPLE, JobController.ROLLOUT_EXAMPLE)) {
			assertThat(this.api.post("/api/jobs", example, ALL_SCOPES).status()).isEqualTo(202);
		}
		assertThat(openApi.path("components").path("securitySchemes").has("apiKey")).isTrue();
		assertThat(this.api.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	static String lockDoor(String requestId, String method) {
		return """
				{"requestId":"%s","target":{"deviceIds":["door-1"]},"action":{"directMethod":{"methodName":"%s"}}}"""
			.formatted(requestId, method);
	}

}
