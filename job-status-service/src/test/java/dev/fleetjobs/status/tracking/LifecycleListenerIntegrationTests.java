package dev.fleetjobs.status.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.fleetjobs.contracts.CloudEventHeaders;
import dev.fleetjobs.contracts.DltHeaders;
import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.status.testsupport.ExecutorEvents;
import dev.fleetjobs.status.testsupport.StatusIntegrationTest;
import dev.fleetjobs.status.testsupport.TopicRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle listener on the real broker: events that need no hub call, and records
 * that cannot be processed (dead-lettered with the reason, while the service goes on).
 */
@StatusIntegrationTest
class LifecycleListenerIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	private TopicRecorder topics;

	@Test
	void givenJobQueuedByTheExecutor_whenConsumed_thenAQueuedProgressEventIsPublishedAsACloudEvent() {
		String jobId = jobId();

		this.topics.publish(jobId, ExecutorEvents.queued(jobId));

		JobProgress queued = this.topics.awaitProgress(jobId, (p) -> true, WAIT);
		assertThat(queued.sequence()).isEqualTo(1);
		assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
		assertThat(queued.requestId()).isEqualTo("req-" + jobId);
		assertThat(queued.labels()).isEqualTo(ExecutorEvents.LABELS);
		ConsumerRecord<String, byte[]> record = this.topics.of(Topics.PROGRESS, jobId).get(0);
		assertThat(TopicRecorder.header(record, "__TypeId__")).isEqualTo("JobProgress");
		assertThat(TopicRecorder.header(record, CloudEventHeaders.TYPE)).isEqualTo("dev.fleetjobs.JobProgress.v1");
		assertThat(TopicRecorder.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/job-status-service");
		assertThat(TopicRecorder.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(jobId);
	}

	@Test
	void givenJobRejectedByTheHub_whenConsumed_thenItsFinalEventSaysRejectedWithTheHubsReason() {
		String jobId = jobId();

		this.topics.publish(jobId, ExecutorEvents.rejected(jobId));

		JobProgress done = this.topics.awaitFinal(jobId, WAIT);
		assertThat(done.status()).isEqualTo(JobStatus.REJECTED);
		assertThat(done.failureReason()).isEqualTo("ArgumentInvalid: The query is invalid.");
		assertThat(done.deviceResultCount()).isZero();
	}

	@Test
	void givenQueuedJobCancelled_whenConsumed_thenItEndsCancelledAfterItsQueuedEvent() {
		String jobId = jobId();

		this.topics.publish(jobId, ExecutorEvents.queued(jobId));
		this.topics.publish(jobId, ExecutorEvents.cancelledWhileQueued(jobId));

		JobProgress done = this.topics.awaitFinal(jobId, WAIT);
		assertThat(done.status()).isEqualTo(JobStatus.CANCELLED);
		assertThat(this.topics.progress(jobId)).extracting(JobProgress::sequence).containsExactly(1L, 2L);
	}

	@Test
	void givenUnreadableRecord_whenConsumed_thenItIsDeadLetteredWithTheReasonAndTheNextEventIsProcessed() {
		String poison = jobId();
		String next = jobId();

		this.topics.publishRaw(poison, "{not json".getBytes(StandardCharsets.UTF_8),
				new RecordHeader("__TypeId__", "JobQueued".getBytes(StandardCharsets.UTF_8)));
		this.topics.publish(next, ExecutorEvents.queued(next));

		ConsumerRecord<String, byte[]> dead = this.topics.awaitDeadLetter(poison);
		assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
		assertThat(TopicRecorder.header(dead, DltHeaders.ERROR_CODE)).isEqualTo("UNPARSEABLE");
		assertThat(TopicRecorder.header(dead, DltHeaders.REASON)).startsWith("failed to deserialize");
		assertThat(TopicRecorder.header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.LIFECYCLE);
		assertThat(this.topics.awaitProgress(next, (p) -> p.status() == JobStatus.QUEUED, WAIT)).isNotNull();
	}

	@Test
	void givenEventWithoutItsJobType_whenConsumed_thenItIsDeadLetteredAsInvalidNamingTheField() {
		String jobId = jobId();

		this.topics.publish(jobId, new JobQueued(jobId, null, null, "quota full", 1, Map.of(), Instant.now()));

		ConsumerRecord<String, byte[]> dead = this.topics.awaitDeadLetter(jobId);
		assertThat(TopicRecorder.header(dead, DltHeaders.ERROR_CODE)).isEqualTo("VALIDATION_FAILED");
		assertThat(TopicRecorder.header(dead, DltHeaders.FIELD)).isEqualTo("jobType");
		assertThat(TopicRecorder.header(dead, DltHeaders.REASON)).isEqualTo("jobType: is required");
		assertThat(this.topics.progress(jobId)).isEmpty();
	}

	@Test
	void givenRecordOfAnotherType_whenConsumed_thenItIsDeadLetteredAsTheWrongType() {
		String jobId = jobId();

		this.topics.publish(jobId, new JobProgress(jobId, 1, null, JobType.DEVICE_METHOD, JobStatus.RUNNING,
				DeviceJobStatistics.EMPTY, null, null, null, null, false, 0, Map.of(), Instant.now()));

		ConsumerRecord<String, byte[]> dead = this.topics.awaitDeadLetter(jobId);
		assertThat(TopicRecorder.header(dead, DltHeaders.ERROR_CODE)).isEqualTo("WRONG_TYPE");
		assertThat(TopicRecorder.header(dead, DltHeaders.REASON)).isEqualTo("a JobProgress is not a lifecycle event");
	}

	private static String jobId() {
		return "life-" + UUID.randomUUID();
	}

}
