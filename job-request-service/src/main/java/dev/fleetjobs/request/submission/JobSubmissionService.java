package dev.fleetjobs.request.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.request.JobRequest;
import dev.fleetjobs.contracts.request.JobRequestRejected;
import dev.fleetjobs.request.idempotency.JobIds;
import dev.fleetjobs.request.idempotency.RequestFingerprint;
import dev.fleetjobs.request.idempotency.RequestIndex;
import dev.fleetjobs.request.idempotency.RequestIndex.Reservation;
import dev.fleetjobs.request.validation.InvalidJobRequestException;
import dev.fleetjobs.request.validation.JobRequestReader;
import dev.fleetjobs.request.validation.JobRequestValidator;
import dev.fleetjobs.request.validation.ValidatedJob;
import dev.fleetjobs.request.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Turns job requests from both channels into commands: read, validate, assign the jobId,
 * deduplicate by request id, publish, and answer only after the broker's ack. Kafka
 * requests that cannot be accepted are refused to the dead-letter topic.
 */
@Service
class JobSubmissionService {

	static final String REQUEST_ID_CONFLICT = "REQUEST_ID_CONFLICT";

	static final String INTERNAL_ERROR = "INTERNAL_ERROR";

	private static final Logger log = LoggerFactory.getLogger(JobSubmissionService.class);

	private final JobRequestReader reader;

	private final JobRequestValidator validator;

	private final RequestIndex index;

	private final CommandPublisher commands;

	private final RejectionPublisher rejections;

	private final SubmissionMetrics metrics;

	private final SubmissionProperties properties;

	private final Clock clock;

	JobSubmissionService(JobRequestReader reader, JobRequestValidator validator, RequestIndex index,
			CommandPublisher commands, RejectionPublisher rejections, SubmissionMetrics metrics,
			SubmissionProperties properties, Clock clock) {
		this.reader = reader;
		this.validator = validator;
		this.index = index;
		this.commands = commands;
		this.rejections = rejections;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	/** A REST request: returns once the command is acked (or was already there). */
	JobAccepted submit(byte[] body, String principal) {
		Origin origin = Origin.rest(principal);
		try {
			JobRequest request = this.reader.read(body);
			Submission submission = start(request, origin, null);
			await(submission.acked(), this.properties.publishTimeout());
			RequestIndex.Entry entry = submission.entry();
			return new JobAccepted(entry.jobId(), JobAccepted.ACCEPTED, entry.requestId(), entry.jobType(),
					submission.duplicate(), entry.acceptedAt());
		}
		catch (InvalidJobRequestException ex) {
			this.metrics.rejected(origin.channel(), ex.primary().code());
			throw ex;
		}
		catch (RequestIdConflictException ex) {
			this.metrics.rejected(origin.channel(), REQUEST_ID_CONFLICT);
			throw ex;
		}
	}

	/**
	 * A batch from {@code fleetjobs.requests}: returns once every command, dead letter
	 * and rejection is acked; throws (and the batch is redelivered) when the broker is
	 * unavailable. Invalid records never throw.
	 */
	void submitAll(List<IncomingRecord> records) {
		List<CompletableFuture<Void>> pending = new ArrayList<>(records.size());
		for (IncomingRecord record : records) {
			CompletableFuture<Void> outcome = submitOne(record);
			pending.add(outcome);
			if (outcome.isCompletedExceptionally()) {
				break;
			}
		}
		await(CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)), this.properties.ingressTimeout());
	}

	private CompletableFuture<Void> submitOne(IncomingRecord record) {
		Origin origin = Origin.kafka(record.topic());
		JobRequest request = null;
		try {
			request = this.reader.read(record.value());
			String recordJobId = (request.requestId() == null) ? recordJobId(record) : null;
			return start(request, origin, recordJobId).acked();
		}
		catch (InvalidJobRequestException ex) {
			return reject(record, request, (request != null) ? recordJobId(record) : null, ex.primary());
		}
		catch (RequestIdConflictException ex) {
			return reject(record, request, ex.jobId(),
					new Violation("requestId", REQUEST_ID_CONFLICT, ex.getMessage()));
		}
		catch (CommandsUnavailableException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		catch (RuntimeException ex) {
			log.error("Refusing {}-{}@{} after an unexpected failure", record.topic(), record.partition(),
					record.offset(), ex);
			return reject(record, request, null,
					new Violation(null, INTERNAL_ERROR, "internal error: " + ex.getClass().getSimpleName()));
		}
	}

	private static String recordJobId(IncomingRecord record) {
		return JobIds.fromRecord(record.topic(), record.partition(), record.offset());
	}

	private CompletableFuture<Void> reject(IncomingRecord record, JobRequest request, String fallbackJobId,
			Violation violation) {
		String requestId = (request != null) ? request.requestId() : null;
		String jobId = (requestId != null) ? JobIds.fromRequestId(requestId) : fallbackJobId;
		this.metrics.rejected(Origin.KAFKA, violation.code());
		JobRequestRejected rejection = new JobRequestRejected((requestId != null) ? requestId : record.key(), jobId,
				Origin.KAFKA, violation.code(), violation.field(), violation.message(), this.clock.instant());
		return this.rejections.reject(record, rejection);
	}

	private Submission start(JobRequest request, Origin origin, String recordJobId) {
		Instant now = this.clock.instant();
		ValidatedJob job = this.validator.validate(request, now);
		String jobId = (request.requestId() != null) ? JobIds.fromRequestId(request.requestId()) : recordJobId;
		if (jobId == null) {
			jobId = JobIds.random();
		}
		else if (!this.index.awaitReady(this.properties.publishTimeout())) {
			throw new CommandsUnavailableException("the idempotency index is still reading the commands topic", null);
		}
		String fingerprint = RequestFingerprint.of(request);
		Reservation reservation = this.index.reserve(jobId, request.requestId(), fingerprint, job.jobType(), now,
				job.rollout());
		switch (reservation.outcome()) {
			case DUPLICATE -> {
				this.metrics.duplicate(origin.channel());
				return new Submission(reservation.entry(), true, reservation.entry().published());
			}
			case CONFLICT -> throw new RequestIdConflictException(request.requestId(), jobId);
			default -> {
				ScheduleJob command = new ScheduleJob(jobId, request.requestId(), job.jobType(), job.queryCondition(),
						job.directMethod(), job.twinUpdate(), job.startTime(), job.maxExecutionTimeInSeconds(),
						job.labels(), origin.channel(), origin.principal(), now, job.rollout());
				String id = jobId;
				CompletableFuture<Void> acked = this.commands.schedule(command, fingerprint)
					.whenComplete((ok, failure) -> {
						if (failure == null) {
							this.index.published(id);
							this.metrics.accepted(origin.channel());
						}
						else {
							this.index.failed(id, failure);
						}
					});
				return new Submission(reservation.entry(), false, acked);
			}
		}
	}

	/** Publishes a CancelJob and returns once it is acked. */
	CancelAccepted cancel(String jobId, String reason, String principal) {
		if (!JobIds.isValid(jobId)) {
			throw new InvalidJobRequestException(new Violation("jobId", Violation.VALIDATION_FAILED,
					"a jobId is 1 to 64 of letters, digits and '-'"));
		}
		Instant now = this.clock.instant();
		await(this.commands.cancel(new CancelJob(jobId, reason, Origin.REST, principal, now)),
				this.properties.publishTimeout());
		this.index.cancelRequested(jobId);
		return new CancelAccepted(jobId, CancelAccepted.CANCEL_REQUESTED, now);
	}

	/** What this instance knows of a job. */
	JobView find(String jobId) {
		return this.index.find(jobId)
			.map((entry) -> new JobView(entry.jobId(),
					entry.cancelRequested() ? CancelAccepted.CANCEL_REQUESTED : JobAccepted.ACCEPTED, entry.requestId(),
					entry.jobType(), entry.acceptedAt(), entry.rollout()))
			.orElseThrow(() -> new JobNotFoundException(jobId));
	}

	private static void await(CompletableFuture<?> future, Duration timeout) {
		try {
			future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new CommandsUnavailableException("Kafka did not acknowledge the command", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new CommandsUnavailableException("Kafka did not acknowledge the command within " + timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommandsUnavailableException("interrupted while waiting for Kafka", ex);
		}
	}

	/** A started submission: its index entry and the ack to wait for. */
	private record Submission(RequestIndex.Entry entry, boolean duplicate, CompletableFuture<Void> acked) {
	}

}
