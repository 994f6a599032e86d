package dev.fleetjobs.executor.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.executor.queueing.JobLedger;
import dev.fleetjobs.executor.queueing.WaitingRoom;
import dev.fleetjobs.executor.testsupport.FakeIotHubJobs;
import dev.fleetjobs.executor.testsupport.MutableClock;
import dev.fleetjobs.executor.testsupport.QueueingDefaults;
import dev.fleetjobs.executor.testsupport.RecordingPublisher;
import dev.fleetjobs.executor.testsupport.RecordingRollouts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The scheduling feature wired to in-memory ports (a fake hub, a recording publisher),
 * with the real ledger, queue and metrics, on a clock the test moves.
 */
final class SchedulingFixture {

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));

	final FakeIotHubJobs hub = new FakeIotHubJobs();

	final RecordingPublisher publisher = new RecordingPublisher();

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final JobLedger ledger = new JobLedger();

	final WaitingRoom room = new WaitingRoom(QueueingDefaults.properties(), this.clock, this.meters);

	final SchedulingMetrics metrics = new SchedulingMetrics(this.meters);

	final LifecycleEvents events = new LifecycleEvents(this.clock);

	final Rejections rejections = new Rejections(this.publisher, this.events, this.metrics);

	final KnownJobQuota quota = new KnownJobQuota(0, this.hub);

	final Submitter submitter = new Submitter(this.hub, this.quota);

	final RecordingRollouts rollouts = new RecordingRollouts();

	final JobCancellationService cancellations = new JobCancellationService(this.hub, this.publisher, this.events,
			this.ledger, this.room, this.metrics, this.rollouts);

	final DuplicateCommands duplicates = new DuplicateCommands(this.hub, this.rejections, this.metrics, this.rollouts,
			this.publisher);

	final ExecutorService hubCalls = Executors.newFixedThreadPool(4);

	final EarlyHubCalls earlyCalls = new EarlyHubCalls(this.submitter, this.ledger, this.room, this.hubCalls);

	final JobSchedulingService service = new JobSchedulingService(this.submitter, this.duplicates, this.earlyCalls,
			this.publisher, this.events, this.rejections, this.cancellations, this.ledger, this.room, this.metrics,
			this.rollouts, this.clock);

	final QueuedSubmissions queued = new QueuedSubmissions(this.submitter, this.publisher, this.events, this.rejections,
			this.ledger, this.metrics);

	private long offset;

	/** Handles the commands as one batch, all from partition 0. */
	void handle(Object... commands) {
		this.service.handle(List.of(commands).stream().map(this::incoming).toList());
	}

	IncomingCommand incoming(Object command) {
		CommandOrigin origin = new CommandOrigin(Topics.COMMANDS, 0, this.offset++, key(command), List.of());
		if (command instanceof ScheduleJob schedule) {
			return new IncomingCommand.Schedule(schedule, origin);
		}
		if (command instanceof CancelJob cancel) {
			return new IncomingCommand.Cancel(cancel, origin);
		}
		return new IncomingCommand.Malformed(command, "UNPARSEABLE", "not a command", origin);
	}

	double counter(String name, String... tags) {
		var counter = this.meters.find(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static String key(Object command) {
		if (command instanceof ScheduleJob schedule) {
			return schedule.jobId();
		}
		return (command instanceof CancelJob cancel) ? cancel.jobId() : null;
	}

}
