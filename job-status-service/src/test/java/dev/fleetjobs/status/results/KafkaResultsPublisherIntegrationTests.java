package dev.fleetjobs.status.results;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.status.hub.HubCallException;
import dev.fleetjobs.status.hub.HubOperation;
import dev.fleetjobs.status.testsupport.StatusIntegrationTest;
import dev.fleetjobs.status.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Results streamed into one transaction on the real broker: read_committed consumers see
 * every result and the final event at once, or, when the stream aborts (records not final
 * yet, the hub failing midway), none of them.
 */
@StatusIntegrationTest
class KafkaResultsPublisherIntegrationTests {

	@Autowired
	private ResultsPublisher publisher;

	@Autowired
	private TopicRecorder topics;

	@Test
	void givenAStreamOfResults_whenTheFinishGivesTheFinalEvent_thenAllOfThemAndItAreCommittedTogether()
			throws Exception {
		String jobId = "stream-" + UUID.randomUUID();

		JobProgress published = this.publisher.publishStreamed((sink) -> results(jobId, 2_500).forEach(sink),
				() -> done(jobId, 2_500));

		assertThat(published.deviceResultCount()).isEqualTo(2_500);
		assertThat(this.topics.awaitFinal(jobId, Duration.ofSeconds(20)).deviceResultCount()).isEqualTo(2_500);
		assertThat(this.topics.results(jobId)).hasSize(2_500)
			.extracting(DeviceResult::deviceId)
			.doesNotHaveDuplicates();
	}

	@Test
	void givenAStreamThatAbortsOrFails_whenPublished_thenNothingOfItIsVisibleAndTheNextStreamIsAlone()
			throws Exception {
		String jobId = "aborted-" + UUID.randomUUID();

		// records not final yet: the finish gives no event, the transaction aborts
		JobProgress aborted = this.publisher.publishStreamed((sink) -> results(jobId, 300).forEach(sink), () -> null);
		// the hub fails midway: its exception comes out, the transaction aborts
		assertThatThrownBy(() -> this.publisher.publishStreamed((sink) -> {
			results(jobId, 100).forEach(sink);
			throw new HubCallException(HubOperation.DEVICE_JOBS_QUERY, HubCallException.Kind.UNAVAILABLE, "gone midway",
					null);
		}, () -> done(jobId, 100))).isInstanceOf(HubCallException.class).hasMessageContaining("gone midway");
		// then the read that settles
		this.publisher.publishStreamed((sink) -> results(jobId, 50).forEach(sink), () -> done(jobId, 50));

		assertThat(aborted).isNull();
		assertThat(this.topics.awaitFinal(jobId, Duration.ofSeconds(20)).deviceResultCount()).isEqualTo(50);
		assertThat(this.topics.results(jobId)).hasSize(50);
		assertThat(this.topics.progress(jobId)).hasSize(1);
	}

	private static List<DeviceResult> results(String jobId, int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> new DeviceResult(jobId, "d-" + i, JobType.TWIN_UPDATE, DeviceJobStatus.COMPLETED, null,
					null, null, null, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH))
			.toList();
	}

	private static JobProgress done(String jobId, int count) {
		return new JobProgress(jobId, 4, "req", JobType.TWIN_UPDATE, JobStatus.COMPLETED,
				new DeviceJobStatistics(count, 0, count, 0, 0), Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null, true,
				count, Map.of(), Instant.EPOCH);
	}

}
