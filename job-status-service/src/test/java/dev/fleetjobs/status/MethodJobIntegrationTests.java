package dev.fleetjobs.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.status.testsupport.Api;
import dev.fleetjobs.status.testsupport.ExecutorEvents;
import dev.fleetjobs.status.testsupport.Fleet;
import dev.fleetjobs.status.testsupport.StatusIntegrationTest;
import dev.fleetjobs.status.testsupport.TestCredentials;
import dev.fleetjobs.status.testsupport.TestHub;
import dev.fleetjobs.status.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tutorial's lockDoor job on the whole fleet of 200 official device clients: the
 * progress events, the device results and the read API, end to end.
 */
@StatusIntegrationTest
class MethodJobIntegrationTests {

	/** Every series the README's metrics table promises, once a job has ended. */
	private static final String[] DASHBOARD_METRICS = { "fleetjobs_status_jobs{status=\"completed\"",
			"fleetjobs_status_device_outcomes_total{", "fleetjobs_status_job_duration_seconds_bucket{",
			"fleetjobs_status_time_to_first_progress_seconds_bucket{", "fleetjobs_status_hub_calls_total{",
			"fleetjobs_status_hub_lag_seconds ", "fleetjobs_status_publish_lag_seconds_bucket{event=\"final\"",
			"fleetjobs_status_publish_lag_seconds_bucket{event=\"terminal\"", "fleetjobs_status_tracked_jobs ",
			"fleetjobs_status_view_jobs ", "fleetjobs_status_streams ",
			"kafka_consumer_fetch_manager_records_lag_max{" };

	@Autowired
	private TopicRecorder topics;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void givenMethodJobOn200Devices_whenTracked_thenProgressRunsScheduledRunningCompletedWithExactResults() {
		TestHub hub = TestHub.get();
		List<String> devices = hub.fleet().ids();
		String jobId = "lock-all-" + UUID.randomUUID();
		hub.lockDoor(jobId, devices, Duration.ofSeconds(2));

		this.topics.publish(jobId, ExecutorEvents.submitted(jobId, "deviceId IN [...]"));
		JobProgress done = this.topics.awaitFinal(jobId, Duration.ofSeconds(60));

		List<JobProgress> progress = this.topics.progress(jobId);
		assertThat(progress).extracting(JobProgress::sequence)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, progress.size()).mapToObj(Long::valueOf).toList());
		assertThat(progress.get(0).status()).isEqualTo(JobStatus.SCHEDULED);
		assertThat(progress).extracting(JobProgress::status).contains(JobStatus.RUNNING);
		assertThat(progress).extracting(JobProgress::status).isSortedAccordingTo(JobStatus::compareTo);
		assertThat(progress).extracting((p) -> p.statistics().succeededCount()).isSorted();
		assertThat(progress).allSatisfy((p) -> assertThat(p.labels()).isEqualTo(ExecutorEvents.LABELS));
		assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(done.statistics()).isEqualTo(new DeviceJobStatistics(200, 20, 180, 0, 0));
		assertThat(done.deviceResultCount()).isEqualTo(200);
		assertThat(done.endTime()).isNotNull();

		List<DeviceResult> results = this.topics.results(jobId);
		assertThat(results).hasSize(200);
		assertThat(results).extracting(DeviceResult::deviceId).containsExactlyInAnyOrderElementsOf(devices);
		for (DeviceResult result : results) {
			int index = devices.indexOf(result.deviceId());
			switch (Fleet.role(index)) {
				case HEALTHY -> {
					assertThat(result.status()).isEqualTo(DeviceJobStatus.COMPLETED);
					assertThat(result.methodStatus()).isEqualTo(200);
					assertThat(result.methodPayload()).isEqualTo(Fleet.locked(result.deviceId()));
				}
				case JAMMED -> {
					assertThat(result.status()).isEqualTo(DeviceJobStatus.FAILED);
					assertThat(result.methodStatus()).isEqualTo(500);
					assertThat(result.methodPayload()).isEqualTo(Fleet.jammed(result.deviceId()));
					assertThat(result.errorCode()).isEqualTo("DeviceMethodFailed");
				}
				case OFFLINE -> {
					assertThat(result.status()).isEqualTo(DeviceJobStatus.FAILED);
					assertThat(result.methodStatus()).isNull();
					assertThat(result.errorCode()).isEqualTo("404103");
					assertThat(result.errorDescription()).isNotBlank();
				}
			}
		}

		Api.Response failed = new Api(this.port).get("/api/jobs/" + jobId + "/devices?status=failed&size=500",
				Api.apiKey(TestCredentials.READER_KEY));
		assertThat(failed.status()).isEqualTo(200);
		JsonNode items = failed.json().path("items");
		assertThat(failed.json().path("totalItems").asInt()).isEqualTo(20);
		assertThat(items.valueStream().map((item) -> item.path("deviceId").asString()).toList())
			.containsExactlyInAnyOrderElementsOf(
					devices.stream().filter((id) -> Fleet.role(devices.indexOf(id)) != Fleet.Role.HEALTHY).toList());
		assertThat(items.valueStream().map((item) -> item.path("errorCode").asString()).distinct().toList())
			.containsExactlyInAnyOrder("404103", "DeviceMethodFailed");
		assertThat(new Api(this.port).get("/api/jobs/" + jobId, Api.apiKey(TestCredentials.READER_KEY))
			.json()
			.path("progress")
			.path("resultsComplete")
			.asBoolean()).as("resultsComplete of the job in the read API").isTrue();

		String scrape = new Api(this.managementPort).get("/actuator/prometheus").raw().body();
		assertThat(scrape).as("the metric names the Grafana dashboard uses (README)")
			.contains(DASHBOARD_METRICS)
			.contains("fleetjobs_status_device_outcomes_total{job_type=\"device_method\",outcome=\"failed\"")
			.contains("fleetjobs_status_hub_calls_total{operation=\"devices.jobs.query\",outcome=\"success\"");
	}

}
