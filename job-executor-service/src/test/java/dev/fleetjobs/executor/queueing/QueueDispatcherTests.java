package dev.fleetjobs.executor.queueing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.executor.scheduling.CommandOrigin;
import dev.fleetjobs.executor.testsupport.Commands;
import dev.fleetjobs.executor.testsupport.MutableClock;
import dev.fleetjobs.executor.testsupport.QueueingDefaults;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue and its dispatcher, driven step by step on a clock the test moves: first come
 * first served across partitions, the hub's gate, per-job backoff, giving up, claims.
 */
class QueueDispatcherTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final WaitingRoom room = new WaitingRoom(
			new QueueingProperties(Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(20),
					Duration.ofMillis(500), Duration.ofSeconds(2), 3, 2.0, 0.0, 0),
			this.clock, this.meters);

	private final ScriptedHandler handler = new ScriptedHandler();

	private final QueueDispatcher dispatcher = new QueueDispatcher(this.room, this.handler);

	@Test
	void givenJobsFromSeveralPartitionsThenTheOldestIsTriedFirst() {
		// Given three jobs queued at different times on different partitions
		queue("job-b", 2, 2);
		queue("job-a", 0, 1);
		queue("job-c", 1, 3);

		// When the dispatcher drains the queue
		drain();

		// Then it tried them in the order they were queued, whatever their partition
		assertThat(this.handler.tried).containsExactly("job-a", "job-b", "job-c");
		assertThat(this.room.size()).isZero();
	}

	@Test
	void givenTheHubIsBusyThenOnlyTheOldestJobIsProbedAfterTheProbeInterval() {
		// Given three queued jobs and a hub that refuses the first try with 429
		queue("job-1", 0, 1);
		queue("job-2", 1, 2);
		queue("job-3", 2, 3);
		this.handler.next.add(WaitingJobHandler.Attempt.hubBusy("429 full", "quota"));

		// When the dispatcher runs now, and again before the probe interval is over
		drain();
		this.clock.advance(Duration.ofMillis(400));
		drain();

		// Then only the first job was tried, once; the gate is closed, new jobs must wait
		assertThat(this.handler.tried).containsExactly("job-1");
		assertThat(this.room.gate().isClosed()).isTrue();
		assertThat(this.room.mustWait()).isTrue();

		// When the probe interval passes and the hub takes jobs again
		this.clock.advance(Duration.ofMillis(100));
		drain();

		// Then the oldest is tried first, the gate opens and the rest follow in order
		assertThat(this.handler.tried).containsExactly("job-1", "job-1", "job-2", "job-3");
		assertThat(this.room.gate().isClosed()).isFalse();
		assertThat(this.meters.find("fleetjobs.executor.backoff").tag("reason", "quota").timer().count()).isEqualTo(1);
	}

	@Test
	void givenTheHubStaysBusyThenProbesBackOffExponentiallyUpToTheirCap() {
		queue("job-1", 0, 1);
		List<Duration> waits = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			this.handler.next.add(WaitingJobHandler.Attempt.hubBusy("429 full", "quota"));
			WaitingJob job = this.room.nextDue();
			this.dispatcher.dispatch(job);
			job.lock.unlock();
			Instant before = this.clock.instant();
			while (this.room.nextDue() == null) {
				this.clock.advance(Duration.ofMillis(100));
			}
			this.room.find("job-1").lock.unlock();
			waits.add(Duration.between(before, this.clock.instant()));
		}
		assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
				Duration.ofSeconds(2));
	}

	@Test
	void givenATransientFailureThenThatJobWaitsItsBackoffWhileYoungerJobsGoOn() {
		// Given two jobs; the first fails with 503
		queue("job-1", 0, 1);
		queue("job-2", 0, 2);
		this.handler.next.add(WaitingJobHandler.Attempt.retryLater("503", "server_error"));

		// When the dispatcher runs
		drain();

		// Then the second went through and the first waits one second
		assertThat(this.handler.tried).containsExactly("job-1", "job-2");
		assertThat(this.room.size()).isEqualTo(1);
		this.clock.advance(Duration.ofMillis(999));
		drain();
		assertThat(this.handler.tried).hasSize(2);
		this.clock.advance(Duration.ofMillis(1));
		drain();
		assertThat(this.handler.tried).containsExactly("job-1", "job-2", "job-1");
		assertThat(this.room.find("job-1")).isNull();
	}

	@Test
	void givenTransientFailuresInARowThenTheQueuePausesAndOnlyTheOldestJobProbesTheHub() {
		// Given five queued jobs and a hub that fails every call with 503
		for (int i = 1; i <= 5; i++) {
			queue("job-" + i, i % 3, i);
		}
		this.handler.always = WaitingJobHandler.Attempt.retryLater("503", "server_error");

		// When the dispatcher runs
		drain();

		// Then it stopped after three failures in a row: the gate is closed
		assertThat(this.handler.tried).containsExactly("job-1", "job-2", "job-3");
		assertThat(this.room.gate().isClosed()).isTrue();
		assertThat(this.room.mustWait()).isTrue();

		// When the hub recovers and the probe interval has passed
		this.handler.always = null;
		this.clock.advance(Duration.ofMillis(500));
		drain();

		// Then the oldest due job probes first; its success opens the gate for the rest
		assertThat(this.handler.tried).containsExactly("job-1", "job-2", "job-3", "job-4", "job-5");
		this.clock.advance(Duration.ofSeconds(2));
		drain();
		assertThat(this.room.size()).isZero();
		assertThat(this.room.gate().isClosed()).isFalse();
	}

	@Test
	void givenAJobThatKeepsFailingThenItExpiresAfterTheGiveUpTime() {
		// Given a job that always fails transiently
		queue("job-1", 0, 1);
		this.handler.always = WaitingJobHandler.Attempt.retryLater("503", "server_error");

		// When time passes beyond the give-up time (1 + 2 + 4 + 8 + 8 s > 20 s)
		for (int i = 0; i < 40 && this.room.size() > 0; i++) {
			drain();
			this.clock.advance(Duration.ofSeconds(1));
		}

		// Then it was expired and left the queue
		assertThat(this.handler.expired).containsExactly("job-1");
		assertThat(this.room.size()).isZero();
		assertThat(this.room.find("job-1")).isNull();
	}

	@Test
	void givenAClaimedJobThenTheDispatcherLeavesItAlone() {
		// Given a job claimed by a cancel
		queue("job-1", 0, 1);
		queue("job-2", 0, 2);
		WaitingJob claimed = this.room.claim("job-1");

		// When the dispatcher runs
		drain();

		// Then only the other job was tried; the claimed one is removed by its owner
		assertThat(this.handler.tried).containsExactly("job-2");
		this.room.removeClaimed(claimed);
		assertThat(this.room.size()).isZero();
		assertThat(this.room.claim("job-1")).isNull();
	}

	@Test
	void givenARevokedPartitionThenItsJobsAreForgotten() {
		queue("job-1", 0, 1);
		queue("job-2", 1, 2);

		this.room.dropPartitions(List.of(1));

		assertThat(this.room.find("job-2")).isNull();
		assertThat(this.room.size()).isEqualTo(1);
	}

	@Test
	void givenTheDispatcherThreadThenItTriesAJobSoonAfterItIsQueued() throws Exception {
		// Given a running dispatcher on the real clock
		WaitingRoom live = new WaitingRoom(QueueingDefaults.properties(), java.time.Clock.systemUTC(), this.meters);
		QueueDispatcher running = new QueueDispatcher(live, this.handler);
		running.start();
		try {
			// When a job is queued
			live.add(new WaitingJob(Commands.lockDoor("job-1", "door-1"),
					CommandOrigin.rebuilt(Topics.COMMANDS, 0, "job-1"), Instant.now(), 0, "test"));

			// Then it is tried and leaves the queue
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> live.size() == 0);
			assertThat(this.handler.tried).containsExactly("job-1");
		}
		finally {
			running.stop();
		}
		assertThat(running.isRunning()).isFalse();
	}

	private void queue(String jobId, int partition, int secondsAfterStart) {
		this.room.add(new WaitingJob(Commands.lockDoor(jobId, "door-1"),
				CommandOrigin.rebuilt(Topics.COMMANDS, partition, jobId),
				this.clock.instant().minusSeconds(60).plusSeconds(secondsAfterStart), 0, "test"));
	}

	private void drain() {
		WaitingJob job;
		while ((job = this.room.nextDue()) != null) {
			try {
				this.dispatcher.dispatch(job);
			}
			finally {
				job.lock.unlock();
			}
		}
	}

	/** Answers scripted attempts, then settles every job. */
	private static final class ScriptedHandler implements WaitingJobHandler {

		final List<String> tried = new java.util.concurrent.CopyOnWriteArrayList<>();

		final List<String> expired = new ArrayList<>();

		final Deque<Attempt> next = new ArrayDeque<>();

		Attempt always;

		@Override
		public Attempt attempt(WaitingJob job) {
			this.tried.add(job.jobId());
			if (this.always != null) {
				return this.always;
			}
			Attempt scripted = this.next.poll();
			return (scripted != null) ? scripted : Attempt.settled();
		}

		@Override
		public void expire(WaitingJob job) {
			this.expired.add(job.jobId());
		}

	}

}
