package dev.fleetjobs.executor.scheduling;

import java.time.Duration;
import java.util.Map;

import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobRejected;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.contracts.request.MethodInvocation;
import dev.fleetjobs.executor.queueing.JobState;
import dev.fleetjobs.executor.testsupport.Commands;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheduling logic against in-memory ports. */
class JobSchedulingServiceTests {

	private final SchedulingFixture fixture = new SchedulingFixture();

	@Test
	void givenANewCommandWhenTheHubTakesItThenOneJobSubmittedFollows() {
		// Given a new lockDoor command
		ScheduleJob command = Commands.lockDoor("job-1", "door-1");

		// When it is handled
		this.fixture.handle(command);

		// Then the hub has the job and one JobSubmitted names it, after one attempt
		assertThat(this.fixture.hub.calls()).containsExactly("create job-1");
		assertThat(this.fixture.publisher.events(JobSubmitted.class)).singleElement().satisfies((submitted) -> {
			assertThat(submitted.jobId()).isEqualTo("job-1");
			assertThat(submitted.hubStatus()).isEqualTo("queued");
			assertThat(submitted.attempts()).isEqualTo(1);
			assertThat(submitted.labels()).containsEntry("ticket", "T-1");
		});
		assertThat(this.fixture.ledger.state(0, "job-1")).isEqualTo(JobState.ON_HUB);
	}

	@Test
	void givenJobAlreadyExistsWithTheSameDefinitionThenItCountsAsSubmitted() {
		// Given a job that an earlier, rolled-back attempt created on the hub
		ScheduleJob command = Commands.buildingFloor("job-2", "door-1");
		this.fixture.hub.existing(command);

		// When the redelivered command is handled
		this.fixture.handle(command);

		// Then the hub said "exists", the job was read back, and it is submitted once
		assertThat(this.fixture.hub.calls()).containsExactly("create job-2", "get job-2");
		assertThat(this.fixture.publisher.events(JobSubmitted.class)).hasSize(1);
		assertThat(this.fixture.publisher.deadLetters()).isEmpty();
	}

	@Test
	void givenJobAlreadyExistsWithAnotherDefinitionThenTheCommandIsRejectedAsAConflict() {
		// Given a job on the hub with another query condition under the same jobId
		ScheduleJob original = Commands.lockDoor("job-3", "door-1");
		this.fixture.hub.existing(original);
		ScheduleJob other = Commands.withQuery(original, "deviceId IN ['door-2']");

		// When the other definition is handled
		this.fixture.handle(other);

		// Then it is rejected with the difference named, and dead-lettered
		assertThat(this.fixture.publisher.events(JobRejected.class)).singleElement().satisfies((rejected) -> {
			assertThat(rejected.errorCode()).isEqualTo("JOB_DEFINITION_CONFLICT");
			assertThat(rejected.httpStatus()).isEqualTo(409);
			assertThat(rejected.reason()).contains("queryCondition").contains("door-2");
		});
		assertThat(this.fixture.publisher.deadLetters()).singleElement()
			.satisfies((letter) -> assertThat(letter.errorCode()).isEqualTo("JOB_DEFINITION_CONFLICT"));
	}

	@Test
	void givenAPermanentHubErrorThenTheJobIsRejectedWithTheHubsCodeAndMessage() {
		// Given a hub that finds the query condition invalid
		this.fixture.hub.failNext("create", 400, "ArgumentInvalid", "queryCondition is invalid: unexpected 'IN'");

		// When a command is handled
		this.fixture.handle(Commands.lockDoor("job-4", "door-1"));

		// Then JobRejected carries the hub's status, code and message, and the command is
		// dead-lettered with the same reason
		assertThat(this.fixture.publisher.events(JobRejected.class)).singleElement().satisfies((rejected) -> {
			assertThat(rejected.httpStatus()).isEqualTo(400);
			assertThat(rejected.errorCode()).isEqualTo("ArgumentInvalid");
			assertThat(rejected.reason()).contains("queryCondition is invalid");
		});
		assertThat(this.fixture.publisher.deadLetters()).singleElement().satisfies((letter) -> {
			assertThat(letter.errorCode()).isEqualTo("ArgumentInvalid");
			assertThat(letter.value()).isInstanceOf(ScheduleJob.class);
			assertThat(letter.origin().partition()).isZero();
		});
		assertThat(this.fixture.ledger.state(0, "job-4")).isEqualTo(JobState.REJECTED);
	}

	@Test
	void givenTheJobQuotaIsFullThenTheCommandIsQueuedWithItsWholeDefinition() {
		// Given a hub whose concurrent-job quota is full
		this.fixture.hub.failNext("create", 429, "ThrottlingMaxActiveJobCountExceeded", "1 active job allowed");

		// When a command is handled
		ScheduleJob command = Commands.lockDoor("job-5", "door-1");
		this.fixture.handle(command);

		// Then it waits: JobQueued with the command, first in line, and the gate is
		// closed
		assertThat(this.fixture.publisher.events(JobQueued.class)).singleElement().satisfies((queued) -> {
			assertThat(queued.command()).isEqualTo(command);
			assertThat(queued.queuePosition()).isEqualTo(1);
			assertThat(queued.reason()).contains("429");
		});
		assertThat(this.fixture.room.find("job-5")).isNotNull();
		assertThat(this.fixture.room.gate().isClosed()).isTrue();
		assertThat(this.fixture.counter("fleetjobs.executor.retries", "operation", "create", "reason", "quota"))
			.isEqualTo(1);
	}

	@Test
	void givenJobsWaitForTheQuotaThenNewCommandsQueueBehindThemWithoutCallingTheHub() {
		// Given one job waiting for the quota
		this.fixture.hub.failNext("create", 429, "ThrottlingMaxActiveJobCountExceeded", "full");
		this.fixture.handle(Commands.lockDoor("job-6", "door-1"));

		// When two more commands come
		this.fixture.handle(Commands.lockDoor("job-7", "door-1"), Commands.buildingFloor("job-8", "door-1"));

		// Then they queue behind it in order, and the hub saw only the first
		assertThat(this.fixture.hub.calls()).containsExactly("create job-6");
		assertThat(this.fixture.publisher.events(JobQueued.class))
			.extracting(JobQueued::jobId, JobQueued::queuePosition)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("job-6", 1),
					org.assertj.core.groups.Tuple.tuple("job-7", 2), org.assertj.core.groups.Tuple.tuple("job-8", 3));
		assertThat(this.fixture.room.size()).isEqualTo(3);
	}

	@Test
	void givenATransientFailureThenTheJobWaitsOnItsOwnBackoffAndOthersGoThrough() {
		// Given a hub that answers the first create with 503
		this.fixture.hub.failNext("create", 503, "ServiceUnavailable", "busy");

		// When two commands come
		this.fixture.handle(Commands.lockDoor("job-9", "door-1"));
		this.fixture.handle(Commands.lockDoor("job-10", "door-1"));

		// Then the first waits for a retry (not before its first backoff), the second is
		// submitted at once, and the retry is counted
		assertThat(this.fixture.publisher.events(JobQueued.class)).extracting(JobQueued::jobId)
			.containsExactly("job-9");
		assertThat(this.fixture.publisher.events(JobSubmitted.class)).extracting(JobSubmitted::jobId)
			.containsExactly("job-10");
		assertThat(this.fixture.room.gate().isClosed()).isFalse();
		assertThat(this.fixture.counter("fleetjobs.executor.retries", "operation", "create", "reason", "server_error"))
			.isEqualTo(1);
		assertThat(this.fixture.meters.find("fleetjobs.executor.backoff").tag("reason", "server_error").timer())
			.satisfies((timer) -> assertThat(timer.count()).isEqualTo(1));
	}

	@Test
	void givenATransientFailureInABatchThenTheNextCommandsOfTheBatchStillGoToTheHub() {
		// Given a hub that answers the first create with an I/O failure
		this.fixture.hub.failNext("create", 0, "IOError", "connection reset");

		// When one batch carries two new jobs (the second with a cancel after it, so its
		// create comes after the first's)
		this.fixture.handle(Commands.lockDoor("job-a", "door-1"), Commands.lockDoor("job-b", "door-1"),
				Commands.cancel("job-b"));

		// Then the first waits for its retry, and the second still went to the hub
		assertThat(this.fixture.hub.calls()).containsExactly("create job-a", "create job-b", "cancel job-b");
		assertThat(this.fixture.publisher.events(JobQueued.class)).extracting(JobQueued::jobId)
			.containsExactly("job-a");
		assertThat(this.fixture.publisher.events(JobSubmitted.class)).extracting(JobSubmitted::jobId)
			.containsExactly("job-b");
	}

	@Test
	void givenARedeliveredCommandOfASubmittedJobThenNothingHappens() {
		// Given a submitted job
		ScheduleJob command = Commands.lockDoor("job-11", "door-1");
		this.fixture.handle(command);

		// When the same command comes again
		this.fixture.handle(command);

		// Then the hub job is only read back, and no second event follows
		assertThat(this.fixture.hub.calls()).containsExactly("create job-11", "get job-11");
		assertThat(this.fixture.publisher.events()).hasSize(1);
		assertThat(this.fixture.counter("fleetjobs.executor.commands", "type", "schedule", "outcome", "duplicate"))
			.isEqualTo(1);
	}

	@Test
	void givenADifferentDefinitionForASubmittedJobThenItIsRejectedAsAConflict() {
		// Given a submitted job
		ScheduleJob command = Commands.lockDoor("job-12", "door-1");
		this.fixture.handle(command);

		// When a command with another method payload comes under the same jobId
		this.fixture
			.handle(Commands.withMethod(command, new MethodInvocation("lockDoor", Map.of("lockTime", "1h"), 10, 0)));

		// Then it is rejected, and the hub still has the original only
		assertThat(this.fixture.publisher.events(JobRejected.class)).singleElement()
			.satisfies((rejected) -> assertThat(rejected.reason()).contains("payload"));
		assertThat(this.fixture.hub.calls()).containsExactly("create job-12", "get job-12");
	}

	@Test
	void givenADuplicateOfAQueuedJobThenItIsIgnoredAndAnotherDefinitionIsRejected() {
		// Given a queued job
		this.fixture.hub.failNext("create", 429, "ThrottlingMaxActiveJobCountExceeded", "full");
		ScheduleJob command = Commands.buildingFloor("job-13", "door-1");
		this.fixture.handle(command);

		// When the same command and then another definition come under its jobId
		this.fixture.handle(command, Commands.withQuery(command, "deviceId = 'door-9'"));

		// Then the duplicate changes nothing and the other definition is rejected
		assertThat(this.fixture.publisher.events(JobQueued.class)).hasSize(1);
		assertThat(this.fixture.publisher.events(JobRejected.class)).singleElement()
			.satisfies((rejected) -> assertThat(rejected.reason()).contains("queued"));
		assertThat(this.fixture.room.find("job-13").command()).isEqualTo(command);
	}

	@Test
	void givenACommandThatCannotBeCarriedOutThenItIsRejectedWithoutCallingTheHub() {
		// Given a method job without a method name
		ScheduleJob command = Commands.withMethod(Commands.lockDoor("job-14", "door-1"),
				new MethodInvocation(" ", null, null, null));

		// When it is handled
		this.fixture.handle(command);

		// Then it is rejected and dead-lettered with the field to blame
		assertThat(this.fixture.hub.calls()).isEmpty();
		assertThat(this.fixture.publisher.events(JobRejected.class)).singleElement()
			.satisfies((rejected) -> assertThat(rejected.errorCode()).isEqualTo("INVALID_COMMAND"));
		assertThat(this.fixture.publisher.deadLetters()).singleElement()
			.satisfies((letter) -> assertThat(letter.field()).isEqualTo("directMethod.methodName"));
	}

	@Test
	void givenAMalformedRecordThenItIsDeadLetteredAndTheBatchGoesOn() {
		// Given a batch with an unreadable record between two commands
		byte[] garbage = "{not json".getBytes();

		// When it is handled
		this.fixture.handle(Commands.lockDoor("job-15", "door-1"), garbage, Commands.lockDoor("job-16", "door-1"));

		// Then the record is dead-lettered as it came and both commands are submitted
		assertThat(this.fixture.publisher.deadLetters()).singleElement()
			.satisfies((letter) -> assertThat(letter.value()).isEqualTo(garbage));
		assertThat(this.fixture.publisher.events(JobSubmitted.class)).hasSize(2);
	}

	@Test
	void givenAHubThatCannotShowASubmittedJobThenTheBatchRollsBackAndItsChangesAreDiscarded() {
		// Given a submitted job and a hub that answers the next read with 503
		ScheduleJob submitted = Commands.lockDoor("job-17", "door-1");
		this.fixture.handle(submitted);
		this.fixture.hub.failNext("get", 503, "ServiceUnavailable", "busy");

		// When a batch with a new job and a duplicate of the submitted one is handled
		assertThatThrownBy(() -> this.fixture.handle(Commands.lockDoor("job-18", "door-1"), submitted))
			.isInstanceOf(HubUnavailableException.class);

		// Then the whole batch is to be done again: the new job is not in the ledger yet
		assertThat(this.fixture.ledger.state(0, "job-18")).isNull();
		assertThat(this.fixture.counter("fleetjobs.executor.retries", "operation", "get", "reason", "server_error"))
			.isEqualTo(1);
	}

	@Test
	void givenQueuedJobsWhenTheClockPassesTheirBackoffThenNewCommandsStillQueueBehindThem() {
		// Given a job that failed transiently and whose retry is due
		this.fixture.hub.failNext("create", 503, "ServiceUnavailable", "busy");
		this.fixture.handle(Commands.lockDoor("job-19", "door-1"));
		this.fixture.clock.advance(Duration.ofMinutes(1));

		// When a new command comes
		this.fixture.handle(Commands.lockDoor("job-20", "door-1"));

		// Then it queues behind the due one (first come, first served)
		assertThat(this.fixture.publisher.events(JobQueued.class)).extracting(JobQueued::jobId)
			.containsExactly("job-19", "job-20");
	}

}
