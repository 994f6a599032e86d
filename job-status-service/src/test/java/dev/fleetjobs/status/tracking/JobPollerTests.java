package dev.fleetjobs.status.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.status.hub.HubCallException;
import dev.fleetjobs.status.hub.HubOperation;
import dev.fleetjobs.status.metrics.StatusMetrics;
import dev.fleetjobs.status.tracking.Fakes.FakeBudget;
import dev.fleetjobs.status.tracking.Fakes.FakeHubJobs;
import dev.fleetjobs.status.tracking.Fakes.InstantResults;
import dev.fleetjobs.status.tracking.Fakes.MutableClock;
import dev.fleetjobs.status.tracking.Fakes.RecordingPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The poll cycle with in-memory fakes of the hub, the budget and the publisher. */
class JobPollerTests {

	private final MutableClock clock = new MutableClock();

	private final FakeHubJobs hub = new FakeHubJobs();

	private final FakeBudget budget = new FakeBudget();

	private final RecordingPublisher publisher = new RecordingPublisher();

	private final InstantResults results = new InstantResults();

	private final TrackedJobs jobs = new TrackedJobs(1000);

	private JobPoller poller = poller(2);

	private JobPoller poller(int listThreshold) {
		TrackingProperties properties = new TrackingProperties(Duration.ofMillis(100),
				List.of(new TrackingProperties.Step(Duration.ZERO, Duration.ofSeconds(1)),
						new TrackingProperties.Step(Duration.ofMinutes(1), Duration.ofSeconds(5)),
						new TrackingProperties.Step(Duration.ofMinutes(10), Duration.ofSeconds(15))),
				Duration.ofSeconds(60), listThreshold, 100, Duration.ofSeconds(5), 1000, 3);
		return new JobPoller(this.jobs, this.hub, this.budget,
				new ProgressEmitter(this.publisher, new StatusMetrics(new SimpleMeterRegistry()), this.clock),
				this.results, Runnable::run, this.clock, properties);
	}

	@Test
	void givenThreeRunningJobsDue_whenPolled_thenOneListCallRefreshesThemAll() {
		for (String id : List.of("a", "b", "c")) {
			track(id, JobStatus.RUNNING);
			this.hub.jobs.put(id, Fakes.state(id, JobStatus.RUNNING, 10, 5, 0));
		}

		this.poller.poll();

		assertThat(this.hub.calls(HubOperation.JOBS_QUERY)).isEqualTo(1);
		assertThat(this.hub.calls(HubOperation.JOBS_GET)).isZero();
		assertThat(this.publisher.batches).hasSize(1);
		assertThat(this.publisher.all()).extracting(JobProgress::jobId).containsExactly("a", "b", "c");
		assertThat(this.publisher.all()).allSatisfy((p) -> assertThat(p.statistics().succeededCount()).isEqualTo(5));
	}

	@Test
	void givenOneRunningJobDue_whenPolled_thenOneGetAndNoListCall() {
		track("a", JobStatus.RUNNING);
		this.hub.jobs.put("a", Fakes.state("a", JobStatus.RUNNING, 10, 1, 0));

		this.poller.poll();

		assertThat(this.hub.calls(HubOperation.JOBS_QUERY)).isZero();
		assertThat(this.hub.gets).containsExactly("a");
	}

	@Test
	void givenRunningJobThatEnded_whenListedWithoutIt_thenItIsFetchedAndItsResultsCollected() {
		track("a", JobStatus.RUNNING);
		track("b", JobStatus.RUNNING);
		this.hub.jobs.put("a", Fakes.state("a", JobStatus.RUNNING, 10, 3, 0));
		this.hub.jobs.put("b", Fakes.state("b", JobStatus.COMPLETED, 10, 9, 1));

		this.poller.poll();

		assertThat(this.hub.calls(HubOperation.JOBS_QUERY)).isEqualTo(1);
		assertThat(this.hub.gets).containsExactly("b");
		assertThat(this.publisher.of("b")).extracting(JobProgress::status).containsExactly(JobStatus.COMPLETED);
		assertThat(this.results.collected).extracting(JobProgress::jobId).containsExactly("b");
		assertThat(this.jobs.active("b")).isNull();
		assertThat(this.jobs.isFinished("b")).isTrue();
	}

	@Test
	void givenBudgetOfTwoPermits_whenFiveJobsAreDue_thenTwoCallsAreMadeAndTheOthersWait() {
		for (String id : List.of("a", "b", "c", "d", "e")) {
			track(id, JobStatus.SCHEDULED);
			this.hub.jobs.put(id, Fakes.state(id, JobStatus.SCHEDULED, 0, 0, 0));
		}
		this.budget.permits = 2;

		this.poller.poll();

		assertThat(this.hub.totalCalls()).isEqualTo(2);
		assertThat(this.hub.gets).containsExactly("a", "b");
		assertThat(this.jobs.due(this.clock.instant())).extracting(TrackedJob::jobId).containsExactly("c", "d", "e");

		this.budget.permits = 3;
		this.poller.poll();

		assertThat(this.hub.gets).containsExactly("a", "b", "c", "d", "e");
	}

	@Test
	void givenHubThrottles_whenPolled_thenTheBudgetBacksOffAndNoFurtherCallIsMadeThisCycle() {
		for (String id : List.of("a", "b", "c")) {
			track(id, JobStatus.SCHEDULED);
		}
		this.hub.failWith = HubCallException.Kind.THROTTLED;

		this.poller.poll();

		assertThat(this.hub.totalCalls()).isEqualTo(1);
		assertThat(this.budget.throttled).containsExactly(HubOperation.JOBS_GET);
		assertThat(this.publisher.batches).isEmpty();
	}

	@Test
	void givenYoungAndOldRunningJobs_whenPolledForTwoMinutes_thenTheYoungJobIsPolledMoreOften() {
		this.poller = poller(99);
		track("young", JobStatus.RUNNING);
		Instant longAgo = this.clock.instant().minus(Duration.ofMinutes(30));
		track("old", JobStatus.RUNNING).published(progress("old", JobStatus.RUNNING, 2, longAgo));
		this.hub.jobs.put("young", Fakes.state("young", JobStatus.RUNNING, 10, 0, 0));
		this.hub.jobs.put("old", new HubJobState("old", JobType.DEVICE_METHOD, JobStatus.RUNNING,
				DeviceJobStatistics.EMPTY, longAgo, longAgo, null, null));

		for (int i = 0; i < 1200; i++) {
			this.poller.poll();
			this.clock.advance(Duration.ofMillis(100));
		}

		long young = this.hub.gets.stream().filter("young"::equals).count();
		long oldGets = this.hub.gets.stream().filter("old"::equals).count();
		assertThat(young).isBetween(55L, 125L);
		assertThat(oldGets).isBetween(7L, 10L);
	}

	@Test
	void givenJobWaitsForAFutureStart_whenPolled_thenNextPollIsAtItsStartTime() {
		track("later", JobStatus.SCHEDULED);
		Instant start = this.clock.instant().plusSeconds(30);
		this.hub.jobs.put("later", new HubJobState("later", JobType.DEVICE_METHOD, JobStatus.SCHEDULED, null,
				this.clock.instant(), start, null, null));

		this.poller.poll();

		assertThat(this.jobs.active("later").nextDue).isEqualTo(start);
	}

	@Test
	void givenUnchangedState_whenPolledAgain_thenNoEventIsPublished() {
		track("a", JobStatus.SCHEDULED);
		this.hub.jobs.put("a", Fakes.state("a", JobStatus.RUNNING, 10, 2, 0));
		this.poller.poll();
		this.clock.advance(Duration.ofSeconds(2));

		this.poller.poll();

		assertThat(this.hub.gets).hasSize(2);
		assertThat(this.publisher.of("a")).hasSize(1);
	}

	@Test
	void givenStaleAnswerWithFewerFinishedDevices_whenPolled_thenNothingIsPublished() {
		track("a", JobStatus.SCHEDULED);
		this.hub.jobs.put("a", Fakes.state("a", JobStatus.RUNNING, 10, 6, 0));
		this.poller.poll();
		this.hub.jobs.put("a", Fakes.state("a", JobStatus.RUNNING, 10, 4, 0));
		this.clock.advance(Duration.ofSeconds(2));

		this.poller.poll();

		assertThat(this.publisher.of("a")).extracting((p) -> p.statistics().succeededCount()).containsExactly(6);
	}

	@Test
	void givenPublishingFails_whenPolled_thenTheJobStaysDueAndIsPublishedAtTheNextTick() {
		track("a", JobStatus.SCHEDULED);
		this.hub.jobs.put("a", Fakes.state("a", JobStatus.RUNNING, 10, 1, 0));
		this.publisher.fail = true;

		this.poller.poll();
		this.publisher.fail = false;
		this.poller.poll();

		assertThat(this.publisher.of("a")).extracting(JobProgress::sequence).containsExactly(2L);
	}

	@Test
	void givenHubKeepsAnsweringNotFound_whenPolledThreeTimes_thenTheJobIsReportedFailed() {
		track("gone", JobStatus.SCHEDULED);
		for (int i = 0; i < 3; i++) {
			this.poller.poll();
			this.clock.advance(Duration.ofSeconds(2));
		}

		assertThat(this.publisher.of("gone")).singleElement().satisfies((p) -> {
			assertThat(p.status()).isEqualTo(JobStatus.FAILED);
			assertThat(p.failureReason()).startsWith("JOB_NOT_FOUND");
		});
		assertThat(this.results.collected).hasSize(1);
	}

	@Test
	void givenJobEnded_whenPolledLater_thenItIsNotPolledAgain() {
		track("a", JobStatus.RUNNING);
		this.hub.jobs.put("a", Fakes.state("a", JobStatus.COMPLETED, 10, 10, 0));
		this.poller.poll();
		this.clock.advance(Duration.ofMinutes(5));

		this.poller.poll();

		assertThat(this.hub.gets).containsExactly("a");
	}

	private TrackedJob track(String jobId, JobStatus status) {
		TrackedJob job = new TrackedJob(jobId, 0);
		job.describe("req-" + jobId, JobType.DEVICE_METHOD, Map.of("team", "doors"));
		job.published(progress(jobId, status, 1, null));
		job.startPolling(this.clock.instant(), this.clock.instant());
		this.jobs.own(List.of(0));
		this.jobs.add(job);
		return job;
	}

	private static JobProgress progress(String jobId, JobStatus status, long sequence, Instant start) {
		return new JobProgress(jobId, sequence, "req-" + jobId, JobType.DEVICE_METHOD, status,
				DeviceJobStatistics.EMPTY, null, start, null, null, false, 0, Map.of(), Instant.EPOCH);
	}

}
