package dev.fleetjobs.status.view;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.status.testsupport.Api;
import dev.fleetjobs.status.testsupport.ExecutorEvents;
import dev.fleetjobs.status.testsupport.Fleet;
import dev.fleetjobs.status.testsupport.StatusIntegrationTest;
import dev.fleetjobs.status.testsupport.TestCredentials;
import dev.fleetjobs.status.testsupport.TestHub;
import dev.fleetjobs.status.testsupport.TopicRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read API on its real port: authentication and scopes, problem details, the view
 * built from the topics, and live progress as Server-Sent Events.
 */
@StatusIntegrationTest
class ReadApiIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private TopicRecorder topics;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private Api api;

	@BeforeEach
	void api() {
		this.api = new Api(this.port);
	}

	@Test
	void givenNoCredentials_whenReadingJobs_thenTheAnswerIs401ProblemJson() {
		Api.Response response = this.api.get("/api/jobs");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.header("WWW-Authenticate")).contains("ApiKey");
		assertThat(response.json().path("type").asString()).isEqualTo("https://fleetjobs.dev/problems/unauthorized");
	}

	@Test
	void givenAnUnknownApiKey_whenReadingJobs_thenTheAnswerIs401() {
		assertThat(this.api.get("/api/jobs", Api.apiKey("not-a-key")).status()).isEqualTo(401);
	}

	@Test
	void givenCredentialsWithoutTheReadScope_whenReadingJobs_thenTheAnswerIs403ProblemJson() {
		Api.Response byKey = this.api.get("/api/jobs", Api.apiKey(TestCredentials.WRITER_KEY));
		Api.Response byJwt = this.api.get("/api/jobs", Api.bearer(TestCredentials.jwt("ops", "jobs:submit")));

		assertThat(byKey.status()).isEqualTo(403);
		assertThat(byKey.json().path("type").asString()).isEqualTo("https://fleetjobs.dev/problems/forbidden");
		assertThat(byJwt.status()).isEqualTo(403);
	}

	@Test
	void givenAJwtWithTheReadScope_whenReadingJobs_thenTheAnswerIsAPage() {
		Api.Response response = this.api.get("/api/jobs?size=5",
				Api.bearer(TestCredentials.jwt("dashboard", "jobs:read")));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("size").asInt()).isEqualTo(5);
	}

	@Test
	void givenAnUnknownJob_whenRead_thenTheAnswerIs404JobNotFound() {
		Api.Response job = this.api.get("/api/jobs/nobody-knows-me", Api.apiKey(TestCredentials.READER_KEY));
		Api.Response stream = this.api.get("/api/jobs/nobody-knows-me/stream", Api.apiKey(TestCredentials.READER_KEY));

		assertThat(job.status()).isEqualTo(404);
		assertThat(job.header("Content-Type")).startsWith("application/problem+json");
		assertThat(job.json().path("type").asString()).isEqualTo("https://fleetjobs.dev/problems/job-not-found");
		assertThat(stream.status()).isEqualTo(404);
	}

	@Test
	void givenAnUnknownStatusOrATooLargePage_whenListing_thenTheAnswerIs400NamingTheParameter() {
		Api.Response status = this.api.get("/api/jobs?status=finished", Api.apiKey(TestCredentials.READER_KEY));
		Api.Response size = this.api.get("/api/jobs?size=100000", Api.apiKey(TestCredentials.READER_KEY));

		assertThat(status.status()).isEqualTo(400);
		assertThat(status.json().path("field").asString()).isEqualTo("status");
		assertThat(status.json().path("detail").asString()).contains("queued", "rejected");
		assertThat(size.status()).isEqualTo(400);
		assertThat(size.json().path("field").asString()).isEqualTo("size");
	}

	@Test
	void givenANegativePage_whenListing_thenTheAnswerIs400InvalidQueryNamingThePage() {
		Api.Response page = this.api.get("/api/jobs?page=-1", Api.apiKey(TestCredentials.READER_KEY));

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.json().path("type").asString()).isEqualTo("https://fleetjobs.dev/problems/invalid-query");
		assertThat(page.json().path("field").asString()).isEqualTo("page");
		assertThat(page.json().path("detail").asString()).startsWith("page: ");
	}

	@Test
	void givenRejectedAndQueuedJobs_whenListedByStatusAndType_thenOnlyMatchingJobsComeBack() {
		String rejected = "api-" + UUID.randomUUID();
		String queued = "api-" + UUID.randomUUID();
		this.topics.publish(rejected, ExecutorEvents.rejected(rejected));
		this.topics.publish(queued, ExecutorEvents.queued(queued));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Api.Response list = this.api.get("/api/jobs?status=rejected&type=twin_update&size=500",
					Api.apiKey(TestCredentials.READER_KEY));
			List<String> ids = list.json().path("items").valueStream().map((p) -> p.path("jobId").asString()).toList();
			assertThat(ids).contains(rejected).doesNotContain(queued);
		});
		Api.Response details = this.api.get("/api/jobs/" + queued, Api.apiKey(TestCredentials.READER_KEY));
		assertThat(details.json().path("progress").path("status").asString()).isEqualTo("QUEUED");
		assertThat(details.json().path("lifecycle").get(0).path("type").asString()).isEqualTo("JobQueued");
		assertThat(details.json().path("lifecycle").get(0).path("event").path("queuePosition").asInt()).isEqualTo(1);
	}

	@Test
	void givenAJobThatStartsLater_whenStreamed_thenTheClientSeesItsProgressLiveUntilTheFinalEvent() throws Exception {
		TestHub hub = TestHub.get();
		List<String> devices = IntStream.range(0, 40)
			.filter((index) -> Fleet.role(index) == Fleet.Role.HEALTHY)
			.mapToObj((index) -> hub.fleet().ids().get(index))
			.toList();
		String jobId = "stream-" + UUID.randomUUID();
		hub.lockDoor(jobId, devices, Duration.ofSeconds(3));
		this.topics.publish(jobId, ExecutorEvents.submitted(jobId, "deviceId IN [...]"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get("/api/jobs/" + jobId, Api.apiKey(TestCredentials.READER_KEY)).status() == 200);

		HttpResponse<Stream<String>> stream = this.api.stream("/api/jobs/" + jobId + "/stream",
				Api.apiKey(TestCredentials.READER_KEY));
		List<JobProgress> events = new ArrayList<>();
		List<Instant> arrivals = new ArrayList<>();
		try (Stream<String> lines = stream.body()) {
			lines.filter((line) -> line.startsWith("data:")).forEach((line) -> {
				arrivals.add(Instant.now());
				events.add(JSON.readValue(line.substring(5), JobProgress.class));
			});
		}

		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		assertThat(events.get(0).status()).isEqualTo(JobStatus.SCHEDULED);
		assertThat(events).extracting(JobProgress::status).contains(JobStatus.RUNNING);
		assertThat(events).extracting(JobProgress::sequence).isSorted().doesNotHaveDuplicates();
		JobProgress last = events.get(events.size() - 1);
		assertThat(last.resultsComplete()).isTrue();
		assertThat(last.statistics().succeededCount()).isEqualTo(devices.size());
		assertThat(arrivals.get(0)).isBefore(last.endTime().minusSeconds(1));
	}

	@Test
	void givenTheService_whenScraped_thenPrometheusShowsTheStatusMetricsWithoutSecrets() {
		Api.Response metrics = new Api(this.managementPort).get("/actuator/prometheus");

		assertThat(metrics.status()).isEqualTo(200);
		String text = metrics.raw().body();
		assertThat(text).contains("fleetjobs_status_jobs{", "fleetjobs_status_tracked_jobs",
				"fleetjobs_status_hub_lag_seconds");
		assertThat(text).doesNotContain("SharedAccessKey", "SharedAccessSignature");
	}

	@Test
	void givenTheService_whenItsOpenApiDocumentIsRead_thenItDescribesTheReadApi() {
		Api.Response docs = this.api.get("/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().path("paths").propertyNames()).contains("/api/jobs", "/api/jobs/{jobId}",
				"/api/jobs/{jobId}/devices", "/api/jobs/{jobId}/stream");
	}

}
