package dev.fleetjobs.executor.scheduling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobType;
import dev.fleetjobs.contracts.DltHeaders;
import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.lifecycle.JobRejected;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.contracts.request.MethodInvocation;
import dev.fleetjobs.executor.testsupport.Commands;
import dev.fleetjobs.executor.testsupport.ExecutorIntegrationTest;
import dev.fleetjobs.executor.testsupport.KafkaTopics;
import dev.fleetjobs.executor.testsupport.TestHub;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands on Kafka become jobs on the emulator, read back with the official
 * ScheduledJobsClient; outcomes are read from the lifecycle topic as a downstream
 * consumer sees them (committed only).
 */
@ExecutorIntegrationTest
class JobCommandListenerIntegrationTests {

	@Autowired
	private KafkaTopics kafka;

	@Autowired
	private MeterRegistry meters;

	@LocalServerPort
	private int port;

	@Test
	void givenTheTutorialsLockDoorCommandThenTheHubHasTheMethodJobWithItsDefinition() {
		// Given a registered device and the tutorial's lockDoor command
		String jobId = UUID.randomUUID().toString();
		ScheduleJob command = Commands.lockDoor(jobId, TestHub.device("door-" + jobId));

		// When it is sent
		this.kafka.send(jobId, command);

		// Then one JobSubmitted follows, with CloudEvents headers, on the job's partition
		JobSubmitted submitted = this.kafka.awaitEvent(jobId, JobSubmitted.class);
		assertThat(submitted.attempts()).isEqualTo(1);
		assertThat(submitted.queryCondition()).isEqualTo(command.queryCondition());
		ConsumerRecord<String, byte[]> record = this.kafka.lifecycleRecords(jobId).get(0);
		assertThat(KafkaTopics.header(record, "ce_type")).isEqualTo("dev.fleetjobs.JobSubmitted.v1");
		assertThat(KafkaTopics.header(record, "ce_source")).isEqualTo("/job-executor-service");
		assertThat(KafkaTopics.header(record, "ce_subject")).isEqualTo(jobId);
		assertThat(KafkaTopics.header(record, "__TypeId__")).isEqualTo("JobSubmitted");
		assertThat(record.partition()).isEqualTo(Utils.toPositive(Utils.murmur2(jobId.getBytes())) % 3);

		// And the hub's job is the command's: type, condition, method, payload, timeouts
		ScheduledJob job = TestHub.job(jobId);
		assertThat(job.getJobType()).isEqualTo(ScheduledJobType.scheduleDeviceMethod);
		assertThat(job.getQueryCondition()).isEqualTo(command.queryCondition());
		assertThat(job.getMaxExecutionTimeInSeconds()).isEqualTo(60);
		assertThat(job.getCloudToDeviceMethod()).contains("\"methodName\":\"lockDoor\"")
			.contains("\"lockTime\":\"10m\"")
			.contains("\"responseTimeoutInSeconds\":10");
	}

	@Test
	void givenTheTutorialsTwinCommandThenTheHubRunsTheTwinJobWithItsPatch() {
		// Given the tutorial's building/floor patch for one device
		String jobId = UUID.randomUUID().toString();
		String deviceId = TestHub.device("twin-" + jobId);
		ScheduleJob command = Commands.buildingFloor(jobId, deviceId);

		// When it is sent
		this.kafka.send(jobId, command);

		// Then the hub has the twin job with the patch, and runs it to completion
		this.kafka.awaitEvent(jobId, JobSubmitted.class);
		ScheduledJob job = TestHub.job(jobId);
		assertThat(job.getJobType()).isEqualTo(ScheduledJobType.scheduleUpdateTwin);
		assertThat(job.getUpdateTwin().getDesiredProperties()).containsKeys("building", "floor");
		assertThat(job.getUpdateTwin().getTags()).containsEntry("site", "north");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> TestHub.job(jobId).getJobStatus().name(), (status) -> status.equals("completed"));
	}

	@Test
	void givenABadQueryConditionThenJobRejectedCarriesTheHubsMessageAndTheCommandIsDeadLettered() {
		// Given a command whose condition the hub cannot parse
		String jobId = UUID.randomUUID().toString();
		ScheduleJob command = Commands.withQuery(Commands.lockDoor(jobId, "door-x"), "deviceId IN ['door-x'");

		// When it is sent
		this.kafka.send(jobId, command);

		// Then it is rejected with the hub's status, code and message
		JobRejected rejected = this.kafka.awaitEvent(jobId, JobRejected.class);
		assertThat(rejected.httpStatus()).isEqualTo(400);
		assertThat(rejected.errorCode()).isEqualTo("ArgumentInvalid");
		assertThat(rejected.reason()).contains("queryCondition is invalid");

		// And the command is on the DLT, same partition, with the reason in headers
		ConsumerRecord<String, byte[]> dead = this.kafka.awaitDeadLetter(jobId);
		assertThat(KafkaTopics.header(dead, DltHeaders.ERROR_CODE)).isEqualTo("ArgumentInvalid");
		assertThat(KafkaTopics.header(dead, DltHeaders.REASON)).contains("queryCondition is invalid");
		assertThat(KafkaTopics.header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.COMMANDS);
		assertThat(KafkaTopics.header(dead, "__TypeId__")).isEqualTo("ScheduleJob");
		assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains(jobId).contains("lockDoor");
		assertThat(TestHub.jobIds()).doesNotContain(jobId);
	}

	@Test
	void givenTheSameCommandTwiceThenTheHubHasOneJobAndOneJobSubmittedIsCommitted() {
		// Given a submitted job
		String jobId = UUID.randomUUID().toString();
		ScheduleJob command = Commands.buildingFloor(jobId, TestHub.device("dup-" + jobId));
		this.kafka.send(jobId, command);
		this.kafka.awaitEvent(jobId, JobSubmitted.class);
		long creates = TestHub.hub().calls().count("jobs.create");
		double duplicates = counter("duplicate");

		// When the identical command is delivered again
		this.kafka.send(jobId, command);

		// Then it is recognised as a duplicate: no hub create, no second event
		await().atMost(Duration.ofSeconds(20)).until(() -> counter("duplicate") > duplicates);
		assertThat(TestHub.hub().calls().count("jobs.create")).isEqualTo(creates);
		assertThat(this.kafka.events(jobId)).hasSize(1);
	}

	@Test
	void givenAnotherDefinitionUnderASubmittedJobIdThenItIsRejectedAsAConflict() {
		// Given a submitted lockDoor job
		String jobId = UUID.randomUUID().toString();
		ScheduleJob command = Commands.lockDoor(jobId, TestHub.device("conflict-" + jobId));
		this.kafka.send(jobId, command);
		this.kafka.awaitEvent(jobId, JobSubmitted.class);

		// When a command with another payload comes under the same jobId
		this.kafka.send(jobId,
				Commands.withMethod(command, new MethodInvocation("lockDoor", Map.of("lockTime", "1h"), 10, 0)));

		// Then it is rejected (and dead-lettered), and the hub keeps the original job
		JobRejected rejected = this.kafka.awaitEvent(jobId, JobRejected.class);
		assertThat(rejected.errorCode()).isEqualTo("JOB_DEFINITION_CONFLICT");
		assertThat(rejected.reason()).contains("payload").contains("1h");
		assertThat(KafkaTopics.header(this.kafka.awaitDeadLetter(jobId), DltHeaders.ERROR_CODE))
			.isEqualTo("JOB_DEFINITION_CONFLICT");
		assertThat(TestHub.job(jobId).getCloudToDeviceMethod()).contains("10m");
	}

	@Test
	void givenPoisonPillsThenTheyAreDeadLetteredWithTheReasonAndLaterCommandsGoOn() {
		// Given a record that is not JSON and one without a type header, on one key
		String key = UUID.randomUUID().toString();
		ProducerRecord<String, byte[]> notJson = new ProducerRecord<>(Topics.COMMANDS, key, "{not json".getBytes());
		notJson.headers().add("__TypeId__", "ScheduleJob".getBytes());
		this.kafka.sendRaw(notJson);
		this.kafka.sendRaw(new ProducerRecord<>(Topics.COMMANDS, key, "{}".getBytes()));

		// When a valid command follows on the same key (same partition)
		this.kafka.send(key, Commands.buildingFloor(key, TestHub.device("after-" + key)));

		// Then both records are on the DLT as they came, with the reason, and the
		// command after them is submitted
		this.kafka.awaitEvent(key, JobSubmitted.class);
		assertThat(this.kafka.deadLetters(key)).hasSize(2).allSatisfy((dead) -> {
			assertThat(KafkaTopics.header(dead, DltHeaders.ERROR_CODE)).isEqualTo("UNPARSEABLE");
			assertThat(KafkaTopics.header(dead, DltHeaders.REASON)).startsWith("The record could not be read");
		});
		assertThat(this.kafka.deadLetters(key).get(0).value()).isEqualTo("{not json".getBytes());
	}

	@Test
	void givenTheRunningServiceThenItIsReadyAndItsMetricsShowNoSecret() throws Exception {
		// Given some hub calls made by the tests (at least one job)
		String jobId = UUID.randomUUID().toString();
		this.kafka.send(jobId, Commands.buildingFloor(jobId, TestHub.device("metrics-" + jobId)));
		this.kafka.awaitEvent(jobId, JobSubmitted.class);

		// When readiness and Prometheus are read
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> readiness = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health/readiness"))
				.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> prometheus = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());

		// Then readiness (Kafka included) is UP and the metrics are there, without keys
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
		assertThat(prometheus.body())
			.contains("fleetjobs_hub_call_seconds_count{operation=\"create\",outcome=\"success\"")
			.contains("fleetjobs_executor_queued_jobs")
			.contains("fleetjobs_executor_oldest_queued_seconds")
			.contains("fleetjobs_executor_command_wait_seconds_bucket")
			.doesNotContain("SharedAccessKey")
			.doesNotContain(TestHub.hub().connectionString("iothubowner").split("SharedAccessKey=")[1]);
	}

	private double counter(String outcome) {
		var counter = this.meters.find("fleetjobs.executor.commands")
			.tags("type", "schedule", "outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
