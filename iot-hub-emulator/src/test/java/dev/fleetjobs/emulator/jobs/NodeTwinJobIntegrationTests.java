package dev.fleetjobs.emulator.jobs;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.JobPolling;
import dev.fleetjobs.emulator.support.NodeServiceRequests;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twin jobs exactly as the Node service SDK creates them in Azure's own e2e tests
 * ({@code job_client.js}): a patch that changes nothing
 * ({@code {"etag":"*","tags":{},"properties":{"desired":{},"reported":{}}}}) is a valid
 * job on the hub, whether it starts now or later. Java 2.1.9 refuses such a patch
 * client-side, so the body goes out raw.
 */
@EmulatorTest
class NodeTwinJobIntegrationTests {

	private static final String EMPTY_PATCH = "{\"etag\":\"*\",\"tags\":{},\"properties\":{\"desired\":{},\"reported\":{}}}";

	@Test
	void givenNodesEmptyPatchForAnHourFromNow_whenTheJobIsCreated_thenItIsQueuedAndCanBeCancelled(IotHubEmulator hub,
			ServiceClients service) throws Exception {
		// Given Node's scheduleTwinUpdate body for a start an hour from now
		String jobId = UUID.randomUUID().toString();
		String body = nodeTwinJob(jobId, "deviceId = 'node-job-nobody'", Instant.now().plusSeconds(3600));

		// When it is created
		HttpResponse<String> response = new NodeServiceRequests(hub).createJob(jobId, body);

		// Then the hub's answer is the queued job
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonObject created = JsonParser.parseString(response.body()).getAsJsonObject();
		assertThat(created.get("jobId").getAsString()).isEqualTo(jobId);
		assertThat(created.get("type").getAsString()).isEqualTo("scheduleUpdateTwin");
		assertThat(created.get("status").getAsString()).isEqualTo("queued");

		// And it waits for its start, and a cancel ends it
		assertThat(service.jobs().get(jobId).getJobStatus()).isIn(ScheduledJobStatus.queued,
				ScheduledJobStatus.scheduled);
		assertThat(service.jobs().cancel(jobId).getJobStatus()).isEqualTo(ScheduledJobStatus.cancelled);
		assertThat(JobPolling.awaitStatus(service.jobs(), jobId, ScheduledJobStatus.cancelled, Duration.ofSeconds(5))
			.getEndTime()).isNotNull();
	}

	@Test
	void givenNodesEmptyPatchStartingNow_whenTheJobRuns_thenItCompletesAndTheTwinIsUnchanged(IotHubEmulator hub,
			ServiceClients service) throws Exception {
		// Given a device with a tag and a desired property
		String deviceId = "node-job-" + UUID.randomUUID();
		service.registry().addDevice(new Device(deviceId));
		Twin twin = service.twins().get(deviceId);
		twin.getTags().put("key", "value");
		twin.getDesiredProperties().put("mode", "eco");
		Twin before = service.twins().patch(twin);
		String jobId = UUID.randomUUID().toString();

		// When Node's empty patch runs on it now
		HttpResponse<String> response = new NodeServiceRequests(hub).createJob(jobId,
				nodeTwinJob(jobId, "deviceId = '" + deviceId + "'", Instant.now()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		ScheduledJob done = JobPolling.awaitFinished(service.jobs(), jobId, Duration.ofSeconds(10));

		// Then the job and the device completed, and the twin did not move
		assertThat(done.getJobStatus()).isEqualTo(ScheduledJobStatus.completed);
		assertThat(done.getJobStatistics().getSucceededCount()).isEqualTo(1);
		List<ScheduledJob> records = JobPolling.deviceRecords(service.query(), jobId, 10);
		assertThat(records).singleElement()
			.satisfies((r) -> assertThat(r.getJobStatus()).isEqualTo(ScheduledJobStatus.completed));
		Twin after = service.twins().get(deviceId);
		assertThat(after.getETag()).isEqualTo(before.getETag());
		assertThat(after.getDesiredProperties().getVersion()).isEqualTo(before.getDesiredProperties().getVersion());
		assertThat(after.getTags()).containsEntry("key", "value");
	}

	/**
	 * The body of azure-iothub 1.16.6's {@code scheduleTwinUpdate} with Node's key order.
	 */
	private static String nodeTwinJob(String jobId, String condition, Instant start) {
		return "{\"jobId\":\"" + jobId + "\",\"type\":\"scheduleUpdateTwin\",\"updateTwin\":" + EMPTY_PATCH
				+ ",\"startTime\":\"" + start.truncatedTo(ChronoUnit.MILLIS)
				+ "\",\"maxExecutionTimeInSeconds\":120,\"queryCondition\":\"" + condition + "\"}";
	}

}
