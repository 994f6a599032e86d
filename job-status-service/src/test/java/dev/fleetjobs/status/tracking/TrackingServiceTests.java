package dev.fleetjobs.status.tracking;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.lifecycle.JobCancelled;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobRejected;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.status.tracking.Fakes.FakeHubJobs;
import dev.fleetjobs.status.tracking.Fakes.InstantResults;
import dev.fleetjobs.status.tracking.Fakes.MutableClock;
import dev.fleetjobs.status.tracking.Fakes.RecordingPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Lifecycle events and partition ownership, with in-memory fakes of the ports. */
class TrackingServiceTests {

	private static final int PARTITIONS = 3;

	private final MutableClock clock = new MutableClock();

	private final RecordingPublisher publisher = new RecordingPublisher();

	private final Map<String, JobProgress> progressTopic = new HashMap<>();

	private boolean viewUnavailable;

	private final TrackingService tracking = Fakes.tracking(new FakeHubJobs(), this.publisher, new InstantResults(),
			() -> available(this.viewUnavailable).progressTopic, this.clock);

	@AfterEach
	void stop() {
		this.tracking.stop();
	}

	@Test
	void givenQueuedThenSubmitted_whenHandled_thenQueuedAndScheduledAreOneAndTwo() {
		this.tracking.onQueued(queued("job-1"), 0);
		this.tracking.onSubmitted(submitted("job-1"), 0);

		assertThat(this.publisher.of("job-1")).extracting(JobProgress::sequence, JobProgress::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1L, JobStatus.QUEUED),
					org.assertj.core.groups.Tuple.tuple(2L, JobStatus.SCHEDULED));
		assertThat(this.publisher.of("job-1").get(1).labels()).containsEntry("building", "43");
		assertThat(this.tracking.trackedJobIds()).containsExactly("job-1");
	}

	@Test
	void givenRedeliveredEvents_whenHandledAgain_thenNothingMoreIsPublished() {
		this.tracking.onQueued(queued("job-2"), 0);
		this.tracking.onSubmitted(submitted("job-2"), 0);

		this.tracking.onQueued(queued("job-2"), 0);
		this.tracking.onSubmitted(submitted("job-2"), 0);

		assertThat(this.publisher.of("job-2")).hasSize(2);
	}

	@Test
	void givenRejectedJob_whenHandled_thenItsFinalEventSaysRejectedWithTheReason() {
		this.tracking.onRejected(new JobRejected("job-3", "req", JobType.DEVICE_METHOD, 400, "ArgumentInvalid",
				"bad query", Map.of(), Instant.EPOCH), 1);
		this.tracking.onRejected(new JobRejected("job-3", "req", JobType.DEVICE_METHOD, 400, "ArgumentInvalid",
				"bad query", Map.of(), Instant.EPOCH), 1);

		assertThat(this.publisher.of("job-3")).singleElement().satisfies((progress) -> {
			assertThat(progress.status()).isEqualTo(JobStatus.REJECTED);
			assertThat(progress.resultsComplete()).isTrue();
			assertThat(progress.failureReason()).isEqualTo("ArgumentInvalid: bad query");
		});
	}

	@Test
	void givenQueuedJobCancelled_whenHandled_thenItEndsCancelledWithoutReachingTheHub() {
		this.tracking.onQueued(queued("job-4"), 2);
		this.tracking.onCancelled(new JobCancelled("job-4", true, null, "changed my mind", Instant.EPOCH), 2);

		assertThat(this.publisher.of("job-4")).extracting(JobProgress::status, JobProgress::resultsComplete)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(JobStatus.QUEUED, false),
					org.assertj.core.groups.Tuple.tuple(JobStatus.CANCELLED, true));
		assertThat(this.tracking.trackedJobIds()).isEmpty();
	}

	@Test
	void givenPublishingFails_whenHandled_thenTheListenerSeesTheFailureAndARetryPublishes() {
		this.publisher.fail = true;
		assertThatExceptionOfType(PublishFailedException.class)
			.isThrownBy(() -> this.tracking.onQueued(queued("job-5"), 0));
		this.publisher.fail = false;

		this.tracking.onQueued(queued("job-5"), 0);

		assertThat(this.publisher.of("job-5")).extracting(JobProgress::sequence).containsExactly(1L);
	}

	@Test
	void givenPartitionsAssigned_whenRebuilt_thenUnfinishedJobsOfThosePartitionsArePolledAndSequencesContinue() {
		List<String> ids = List.of("r-1", "r-2", "r-3", "r-4", "r-5", "r-6", "r-7", "r-8");
		ids.forEach((id) -> this.progressTopic.put(id, progress(id, 4, JobStatus.RUNNING, false)));
		this.progressTopic.put("done", progress("done", 9, JobStatus.COMPLETED, true));
		int mine = Partitions.of("r-1", PARTITIONS);
		Set<String> expected = ids.stream()
			.filter((id) -> Partitions.of(id, PARTITIONS) == mine)
			.collect(Collectors.toSet());

		this.tracking.assigned(List.of(mine), PARTITIONS);

		assertThat(this.tracking.trackedJobIds()).isEqualTo(expected);
		this.tracking.onSubmitted(submitted("r-1"), mine);
		assertThat(this.publisher.of("r-1")).isEmpty();
	}

	@Test
	void givenPartitionsRevoked_whenHandled_thenTheirJobsAreNoLongerTracked() {
		this.tracking.assigned(List.of(0, 1, 2), PARTITIONS);
		this.tracking.onSubmitted(submitted("job-6"), 1);
		this.tracking.onSubmitted(submitted("job-7"), 2);

		this.tracking.revoked(List.of(1));

		assertThat(this.tracking.trackedJobIds()).containsExactly("job-7");
	}

	@Test
	void givenTheViewCannotRebuildOnAssignment_whenAnEventArrives_thenItWaitsForTheRebuildInsteadOfGuessing() {
		this.progressTopic.put("late", progress("late", 6, JobStatus.RUNNING, false));
		int partition = Partitions.of("late", PARTITIONS);
		this.viewUnavailable = true;
		this.tracking.assigned(List.of(partition), PARTITIONS);

		assertThatExceptionOfType(TransientTrackingException.class)
			.isThrownBy(() -> this.tracking.onSubmitted(submitted("late"), partition));
		this.viewUnavailable = false;
		this.tracking.onSubmitted(submitted("late"), partition);

		assertThat(this.publisher.of("late")).isEmpty();
		assertThat(this.tracking.trackedJobIds()).contains("late");
	}

	private TrackingServiceTests available(boolean unavailable) {
		if (unavailable) {
			throw new IllegalStateException("the view is not caught up");
		}
		return this;
	}

	private static JobQueued queued(String jobId) {
		return new JobQueued(jobId, "req-" + jobId, JobType.DEVICE_METHOD, "hub job quota full", 1,
				Map.of("building", "43"), Instant.EPOCH);
	}

	private static JobSubmitted submitted(String jobId) {
		return new JobSubmitted(jobId, "req-" + jobId, JobType.DEVICE_METHOD, "deviceId IN ['d1']", Instant.EPOCH, 600,
				"queued", Instant.EPOCH, 1, Map.of("building", "43"), Instant.EPOCH);
	}

	private static JobProgress progress(String jobId, long sequence, JobStatus status, boolean complete) {
		return new JobProgress(jobId, sequence, null, JobType.TWIN_UPDATE, status, DeviceJobStatistics.EMPTY, null,
				null, null, null, complete, 0, Map.of(), Instant.EPOCH);
	}

}
