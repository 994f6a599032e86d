package dev.fleetjobs.executor.scheduling;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.executor.testsupport.Commands;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub creates of a batch's new jobs run together, unless the hub has a quota. */
class EarlyHubCallsTests {

	private final SchedulingFixture fixture = new SchedulingFixture();

	@Test
	void givenABatchOfNewJobsThenTheirHubCallsRunTogetherAndEventsKeepCommandOrder() throws Exception {
		// Given a hub that answers only once three creates are in flight at the same time
		CountDownLatch threeInFlight = new CountDownLatch(3);
		AtomicInteger overlapping = new AtomicInteger();
		Submitter slow = new Submitter(this.fixture.hub, this.fixture.quota) {
			@Override
			public Outcome submit(ScheduleJob command) {
				threeInFlight.countDown();
				try {
					if (threeInFlight.await(5, TimeUnit.SECONDS)) {
						overlapping.incrementAndGet();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return super.submit(command);
			}
		};
		EarlyHubCalls early = new EarlyHubCalls(slow, this.fixture.ledger, this.fixture.room, this.fixture.hubCalls);
		JobSchedulingService service = new JobSchedulingService(slow, this.fixture.duplicates, early,
				this.fixture.publisher, this.fixture.events, this.fixture.rejections, this.fixture.cancellations,
				this.fixture.ledger, this.fixture.room, this.fixture.metrics, this.fixture.rollouts,
				this.fixture.clock);

		// When a batch of three new jobs is handled
		service.handle(List.of(this.fixture.incoming(Commands.lockDoor("job-1", "d")),
				this.fixture.incoming(Commands.lockDoor("job-2", "d")),
				this.fixture.incoming(Commands.lockDoor("job-3", "d"))));

		// Then all three calls were in flight together, and the events are in order
		assertThat(overlapping.get()).isEqualTo(3);
		assertThat(this.fixture.publisher.events(JobSubmitted.class)).extracting(JobSubmitted::jobId)
			.containsExactly("job-1", "job-2", "job-3");
	}

	@Test
	void givenTheHubRefusedAJobLatelyThenABatchGoesToTheHubOneByOneInOrder() {
		// Given a hub that refused a job with 429 a moment ago, whose job was then
		// cancelled
		// (nothing waits, the gate is open again)
		this.fixture.hub.failNext("create", 429, "ThrottlingMaxActiveJobCountExceeded", "full");
		this.fixture.handle(Commands.lockDoor("job-0", "d"));
		this.fixture.handle(Commands.cancel("job-0"));
		this.fixture.room.gate().accepted();
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger mostInFlight = new AtomicInteger();
		Submitter counting = new Submitter(this.fixture.hub, this.fixture.quota) {
			@Override
			public Outcome submit(ScheduleJob command) {
				mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
				try {
					Thread.sleep(20);
					return super.submit(command);
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
				finally {
					inFlight.decrementAndGet();
				}
			}
		};
		EarlyHubCalls early = new EarlyHubCalls(counting, this.fixture.ledger, this.fixture.room,
				this.fixture.hubCalls);
		JobSchedulingService service = new JobSchedulingService(counting, this.fixture.duplicates, early,
				this.fixture.publisher, this.fixture.events, this.fixture.rejections, this.fixture.cancellations,
				this.fixture.ledger, this.fixture.room, this.fixture.metrics, this.fixture.rollouts,
				this.fixture.clock);

		// When a batch of three new jobs comes
		service.handle(List.of(this.fixture.incoming(Commands.lockDoor("job-1", "d")),
				this.fixture.incoming(Commands.lockDoor("job-2", "d")),
				this.fixture.incoming(Commands.lockDoor("job-3", "d"))));

		// Then they went to the hub one at a time, in order
		assertThat(mostInFlight.get()).isEqualTo(1);
		assertThat(this.fixture.hub.calls()).containsExactly("create job-0", "create job-1", "create job-2",
				"create job-3");
		assertThat(this.fixture.room.gate().wasBusyLately()).isTrue();
		this.fixture.clock.advance(Duration.ofMinutes(2));
		assertThat(this.fixture.room.gate().wasBusyLately()).isFalse();
	}

	@Test
	void givenTwoCommandsForOneJobInABatchThenNeitherGoesEarly() {
		ScheduleJob command = Commands.lockDoor("job-1", "d");

		var started = this.fixture.earlyCalls
			.start(List.of(this.fixture.incoming(command), this.fixture.incoming(Commands.cancel("job-1")),
					this.fixture.incoming(Commands.lockDoor("job-2", "d"))));

		assertThat(started).hasSize(1);
		assertThat(started.keySet()).extracting(ScheduleJob::jobId).containsExactly("job-2");
	}

}
