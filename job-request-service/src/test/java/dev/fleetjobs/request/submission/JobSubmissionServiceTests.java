package dev.fleetjobs.request.submission;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.request.JobRequestRejected;
import dev.fleetjobs.request.idempotency.JobIds;
import dev.fleetjobs.request.idempotency.RequestIndex;
import dev.fleetjobs.request.validation.InvalidJobRequestException;
import dev.fleetjobs.request.validation.JobRequestReader;
import dev.fleetjobs.request.validation.JobRequestValidator;
import dev.fleetjobs.request.validation.ValidationProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service's logic against in-memory fakes of its ports. */
class JobSubmissionServiceTests {

	private static final String LOCK_DOOR = """
			{"requestId":"%s","target":{"deviceIds":["door-1"]},"action":{"directMethod":{"methodName":"%s"}}}""";

	private final FakeCommands commands = new FakeCommands();

	private final FakeRejections rejections = new FakeRejections();

	private final RequestIndex index = new RequestIndex();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private JobSubmissionService service;

	@BeforeEach
	void createService() {
		JsonMapper json = JsonMapper.builder().build();
		ValidationProperties validation = ValidationProperties.defaults();
		this.service = new JobSubmissionService(new JobRequestReader(json, validation),
				new JobRequestValidator(validation, json), this.index, this.commands, this.rejections,
				new SubmissionMetrics(this.meters),
				new SubmissionProperties(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(5),
						java.time.Duration.ofSeconds(1), 1),
				Clock.fixed(Instant.parse("2026-11-26T20:00:00Z"), ZoneOffset.UTC));
		this.index.markReady();
	}

	@Test
	void givenARequestIdSubmittedTwiceThenOneCommandAndTheSameJobId() {
		JobAccepted first = this.service.submit(body("r-1", "lockDoor"), "ops");
		JobAccepted second = this.service.submit(body("r-1", "lockDoor"), "ops");

		assertThat(first.jobId()).isEqualTo(JobIds.fromRequestId("r-1")).isEqualTo(second.jobId());
		assertThat(first.duplicate()).isFalse();
		assertThat(second.duplicate()).isTrue();
		assertThat(this.commands.scheduled).hasSize(1);
		assertThat(this.meters.counter("fleetjobs.requests.duplicate", "channel", "rest").count()).isEqualTo(1);
	}

	@Test
	void givenARequestIdReusedForAnotherDefinitionThenAConflictAndNoCommand() {
		this.service.submit(body("r-1", "lockDoor"), "ops");

		assertThatThrownBy(() -> this.service.submit(body("r-1", "unlockDoor"), "ops"))
			.isInstanceOf(RequestIdConflictException.class);
		assertThat(this.commands.scheduled).hasSize(1);
		assertThat(
				this.meters.counter("fleetjobs.requests.rejected", "channel", "rest", "reason", "REQUEST_ID_CONFLICT")
					.count())
			.isEqualTo(1);
	}

	@Test
	void givenABrokerThatFailsThenUnavailableAndTheRequestIdIsFreeAgain() {
		this.commands.fail = true;
		assertThatThrownBy(() -> this.service.submit(body("r-1", "lockDoor"), "ops"))
			.isInstanceOf(CommandsUnavailableException.class);

		this.commands.fail = false;
		JobAccepted retried = this.service.submit(body("r-1", "lockDoor"), "ops");

		assertThat(retried.duplicate()).isFalse();
		assertThat(this.commands.scheduled).hasSize(1);
	}

	@Test
	void givenAnIndexThatIsNotReadyThenRequestsWithARequestIdAreUnavailable() {
		RequestIndex notReady = new RequestIndex();
		JsonMapper json = JsonMapper.builder().build();
		JobSubmissionService starting = new JobSubmissionService(
				new JobRequestReader(json, ValidationProperties.defaults()),
				new JobRequestValidator(ValidationProperties.defaults(), json), notReady, this.commands,
				this.rejections, new SubmissionMetrics(this.meters),
				new SubmissionProperties(java.time.Duration.ofMillis(50), java.time.Duration.ofSeconds(5),
						java.time.Duration.ofSeconds(1), 1),
				Clock.systemUTC());

		assertThatThrownBy(() -> starting.submit(body("r-1", "lockDoor"), "ops"))
			.isInstanceOf(CommandsUnavailableException.class)
			.hasMessageContaining("idempotency index");
		assertThat(this.commands.scheduled).isEmpty();
	}

	@Test
	void givenAKafkaBatchWithGoodAndBadRecordsThenCommandsForTheGoodAndRejectionsForTheBad() {
		// Given a batch: a good record, poison bytes, an invalid request, a duplicate
		List<IncomingRecord> batch = List.of(record(0, "k0", body("r-1", "lockDoor")),
				record(1, "k1", new byte[] { (byte) 0xff, 0x00 }), record(2, "k2", body("r-2", "lock/Door")),
				record(3, "k3", body("r-1", "lockDoor")),
				record(4, "k4",
						"{\"target\":{\"queryCondition\":\"*\"},\"action\":{\"directMethod\":{\"methodName\":\"a\"}}}"
							.getBytes(StandardCharsets.UTF_8)));

		// When it is submitted
		this.service.submitAll(batch);

		// Then the good records become commands (the duplicate only once), the bad ones
		// rejections keyed by request id or record key
		assertThat(this.commands.scheduled).extracting(ScheduleJob::jobId)
			.containsExactly(JobIds.fromRequestId("r-1"), JobIds.fromRecord("fleetjobs.requests", 0, 4));
		assertThat(this.commands.scheduled).extracting(ScheduleJob::channel).containsOnly("kafka");
		assertThat(this.rejections.rejected).extracting(JobRequestRejected::requestId).containsExactly("k1", "r-2");
		assertThat(this.rejections.rejected).extracting(JobRequestRejected::errorCode)
			.containsExactly("UNPARSEABLE", "VALIDATION_FAILED");
		assertThat(this.rejections.rejected.get(1).field()).isEqualTo("action.directMethod.methodName");
		assertThat(this.rejections.rejected.get(1).jobId()).isEqualTo(JobIds.fromRequestId("r-2"));
	}

	@Test
	void givenAKafkaBatchWhenTheBrokerFailsThenTheBatchThrowsSoThatItIsRedelivered() {
		this.commands.fail = true;

		assertThatThrownBy(() -> this.service.submitAll(List.of(record(0, "k0", body("r-1", "lockDoor")))))
			.isInstanceOf(CommandsUnavailableException.class);
		assertThat(this.rejections.rejected).isEmpty();
	}

	@Test
	void givenACancelThenACancelJobIsPublishedAndABadJobIdIsRefused() {
		CancelAccepted accepted = this.service.cancel(JobIds.fromRequestId("r-1"), "wrong floor", "ops");

		assertThat(accepted.status()).isEqualTo("CANCEL_REQUESTED");
		assertThat(this.commands.cancelled).extracting(CancelJob::reason).containsExactly("wrong floor");
		assertThatThrownBy(() -> this.service.cancel("not_a/job", null, "ops"))
			.isInstanceOf(InvalidJobRequestException.class)
			.hasMessageStartingWith("jobId:");
	}

	private static byte[] body(String requestId, String method) {
		return LOCK_DOOR.formatted(requestId, method).getBytes(StandardCharsets.UTF_8);
	}

	private static IncomingRecord record(long offset, String key, byte[] value) {
		return new IncomingRecord("fleetjobs.requests", 0, offset, key, value, List.of());
	}

	static class FakeCommands implements CommandPublisher {

		final List<ScheduleJob> scheduled = new CopyOnWriteArrayList<>();

		final List<CancelJob> cancelled = new CopyOnWriteArrayList<>();

		volatile boolean fail;

		@Override
		public CompletableFuture<Void> schedule(ScheduleJob command, String fingerprint) {
			if (this.fail) {
				return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
			}
			this.scheduled.add(command);
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public CompletableFuture<Void> cancel(CancelJob command) {
			this.cancelled.add(command);
			return CompletableFuture.completedFuture(null);
		}

	}

	static class FakeRejections implements RejectionPublisher {

		final List<JobRequestRejected> rejected = new CopyOnWriteArrayList<>();

		@Override
		public CompletableFuture<Void> reject(IncomingRecord record, JobRequestRejected rejection) {
			this.rejected.add(rejection);
			return CompletableFuture.completedFuture(null);
		}

	}

}
