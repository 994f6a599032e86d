package dev.fleetjobs.emulator.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.microsoft.azure.sdk.iot.service.exceptions.IotHubBadFormatException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubTooManyRequestsException;
import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.JobPolling;
import dev.fleetjobs.emulator.support.SdkFleet;
import dev.fleetjobs.emulator.support.ServiceClients;
import dev.fleetjobs.emulator.throttling.TierProfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A job's lifecycle on the shared fleet: a future start, a cancel mid-run, the deadline
 * and the S1 tier's one concurrent job. The S1 profile paces devices at 10 per second,
 * which keeps a job running long enough to act on it.
 */
@EmulatorTest
class JobLifecycleIntegrationTests {

	@Test
	void givenAStartTimeInTheFutureWhenTheJobIsCreatedThenItWaitsScheduledAndStartsOnTime(ServiceClients service,
			SdkFleet fleet) throws Exception {
		// Given one healthy device
		String deviceId = fleet.ids().get(2);
		int callsBefore = fleet.calls(deviceId);
		Instant start = Instant.now().plusSeconds(3);
		String jobId = "future-" + UUID.randomUUID();

		// When a job is created to start in 3 s
		ScheduledJob created = service.jobs()
			.scheduleDirectMethod(jobId, "deviceId = '" + deviceId + "'", "lockDoor", Date.from(start), options(60));

		// Then it is queued, then scheduled, and the device is not called before the
		// start
		assertThat(created.getJobStatus()).isEqualTo(ScheduledJobStatus.queued);
		ScheduledJob scheduled = JobPolling.awaitStatus(service.jobs(), jobId, ScheduledJobStatus.scheduled,
				Duration.ofSeconds(2));
		assertThat(scheduled.getStartTime())
			.isEqualTo(Date.from(start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), start).toMillis() - 500));
		assertThat(fleet.calls(deviceId)).isEqualTo(callsBefore);

		// And it runs at the start time
		ScheduledJob done = JobPolling.awaitFinished(service.jobs(), jobId, Duration.ofSeconds(10));
		assertThat(done.getJobStatus()).isEqualTo(ScheduledJobStatus.completed);
		assertThat(fleet.calls(deviceId)).isEqualTo(callsBefore + 1);
		ScheduledJob record = JobPolling.deviceRecords(service.query(), jobId, 10).get(0);
		assertThat(record.getStartTime()).isAfterOrEqualTo(Date.from(start.minusMillis(1)));
	}

	@Test
	void givenARunningJobWhenItIsCancelledThenWaitingDevicesEndCancelledAndNothingMoreRuns(IotHubEmulator hub,
			ServiceClients service, SdkFleet fleet) throws Exception {
		// Given 100 healthy devices and the S1 tier, which runs 10 devices a second
		hub.tier(TierProfile.parse("S1"));
		String jobId = "cancel-" + UUID.randomUUID();
		int callsBefore = fleet.totalCalls();
		service.jobs()
			.scheduleDirectMethod(jobId, "tags.fleet = 'fleet' AND tags.group IN [2, 3]", "lockDoor", new Date(),
					options(120));
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> service.jobs().get(jobId).getJobStatistics().getSucceededCount() >= 5);

		// When it is cancelled mid-run
		ScheduledJob cancelled = service.jobs().cancel(jobId);

		// Then it is cancelled at once, with final statistics
		assertThat(cancelled.getJobStatus()).isEqualTo(ScheduledJobStatus.cancelled);
		assertThat(cancelled.getEndTime()).isNotNull();
		int succeeded = cancelled.getJobStatistics().getSucceededCount();
		assertThat(succeeded).isBetween(5, 99);
		assertThat(cancelled.getJobStatistics().getFailedCount()).isEqualTo(100 - succeeded);
		assertThat(cancelled.getJobStatistics().getRunningCount() + cancelled.getJobStatistics().getPendingCount())
			.isZero();

		// And the devices it did not reach are cancelled, and no more are called
		int callsAtCancel = fleet.totalCalls();
		Thread.sleep(1500);
		assertThat(fleet.totalCalls()).isEqualTo(callsAtCancel);
		assertThat(callsAtCancel - callsBefore).isBetween(succeeded, succeeded + 10);
		ScheduledJob after = service.jobs().get(jobId);
		assertThat(after.getJobStatistics().getSucceededCount()).isEqualTo(succeeded);
		List<ScheduledJob> records = JobPolling.deviceRecords(service.query(), jobId, 100);
		assertThat(records).hasSize(100);
		assertThat(records.stream().filter((r) -> r.getJobStatus() == ScheduledJobStatus.cancelled))
			.hasSize(100 - succeeded);

		// And a finished job cannot be cancelled again
		assertThatThrownBy(() -> service.jobs().cancel(jobId)).isInstanceOf(IotHubBadFormatException.class)
			.hasMessageContaining("OperationNotAllowedInCurrentState")
			.hasMessageContaining("cannot be cancelled in 'Cancelled' status");
	}

	@Test
	void givenAJobThatCannotFinishInTimeWhenItsMaxExecutionTimePassesThenItCompletesAndUnreachedDevicesFail(
			IotHubEmulator hub, ServiceClients service, SdkFleet fleet) throws Exception {
		// Given 50 healthy devices paced at 10 a second by the S1 tier
		hub.tier(TierProfile.parse("S1"));
		String jobId = "deadline-" + UUID.randomUUID();

		// When the job may run for 2 s only
		service.jobs()
			.scheduleDirectMethod(jobId, "tags.fleet = '" + fleet.name() + "' AND tags.group = 4", "lockDoor",
					new Date(), options(2));
		ScheduledJob done = JobPolling.awaitFinished(service.jobs(), jobId, Duration.ofSeconds(10));

		// Then it ends completed at its deadline, the devices it did not reach failed
		assertThat(done.getJobStatus()).isEqualTo(ScheduledJobStatus.completed);
		long ranMillis = done.getEndTime().getTime() - done.getStartTime().getTime();
		assertThat(ranMillis).isBetween(1900L, 3500L);
		int succeeded = done.getJobStatistics().getSucceededCount();
		assertThat(succeeded).isBetween(10, 40);
		assertThat(done.getJobStatistics().getFailedCount()).isEqualTo(50 - succeeded);
		List<ScheduledJob> failed = JobPolling.deviceRecords(service.query(), jobId, 100)
			.stream()
			.filter((r) -> r.getJobStatus() == ScheduledJobStatus.failed)
			.toList();
		assertThat(failed).hasSize(50 - succeeded)
			.allSatisfy((r) -> assertThat(r.getError()).contains("MaxExecutionTimeExceeded"));
	}

	@Test
	void givenTheS1TierWithOneActiveJobWhenASecondIsCreatedThenItIsRefusedWith429UntilTheFirstEnds(IotHubEmulator hub,
			ServiceClients service, SdkFleet fleet) throws Exception {
		// Given the S1 tier and a job scheduled for later
		hub.tier(TierProfile.parse("S1"));
		ScheduledJobsClient jobs = service.jobs();
		String first = "s1-first-" + UUID.randomUUID();
		jobs.scheduleDirectMethod(first, "deviceId = 'fleet-002'", "lockDoor", Date.from(Instant.now().plusSeconds(60)),
				options(60));

		// When a second job is created, then the hub's 429 refuses it
		String second = "s1-second-" + UUID.randomUUID();
		assertThatThrownBy(
				() -> jobs.scheduleDirectMethod(second, "deviceId = 'fleet-003'", "lockDoor", new Date(), options(60)))
			.isInstanceOf(IotHubTooManyRequestsException.class)
			.hasMessageContaining("ThrottlingMaxActiveJobCountExceeded");

		// And once the first is cancelled (it was scheduled), the second is accepted
		assertThat(jobs.cancel(first).getJobStatus()).isEqualTo(ScheduledJobStatus.cancelled);
		assertThat(jobs.scheduleDirectMethod(second, "deviceId = 'fleet-003'", "lockDoor", new Date(), options(60))
			.getJobStatus()).isEqualTo(ScheduledJobStatus.queued);
		assertThat(JobPolling.awaitFinished(jobs, second, Duration.ofSeconds(10)).getJobStatus())
			.isEqualTo(ScheduledJobStatus.completed);
	}

	@Test
	void givenDevicesThatAnswerTooLateOrNotAtAllWhenAMethodJobRunsThenTheirRecordsCarryTheHubsErrorCodes(
			ServiceClients service, SdkFleet fleet) throws Exception {
		// Given a device that answers slowLock after 7 s, an offline device and one that
		// does not know the method
		String slow = fleet.ids().get(19);
		String offline = fleet.ids().get(40);
		String jobId = "late-" + UUID.randomUUID();

		// When a slowLock job with a 5 s response timeout runs on them
		service.jobs()
			.scheduleDirectMethod(jobId, "deviceId IN ['" + slow + "', '" + offline + "']", "slowLock", new Date(),
					DirectMethodsJobOptions.builder()
						.methodResponseTimeoutSeconds(5)
						.methodConnectTimeoutSeconds(1)
						.maxExecutionTimeSeconds(60)
						.build());
		ScheduledJob done = JobPolling.awaitFinished(service.jobs(), jobId, Duration.ofSeconds(15));

		// Then both failed with the hub's codes: 504101 for the late answer, 404103
		// offline
		assertThat(done.getJobStatistics().getFailedCount()).isEqualTo(2);
		List<ScheduledJob> records = JobPolling.deviceRecords(service.query(), jobId, 10);
		assertThat(records).filteredOn((r) -> r.getDeviceId().equals(slow))
			.singleElement()
			.satisfies((r) -> assertThat(r.getError()).contains("504101")
				.contains("Timed out waiting for the response from device"));
		assertThat(records).filteredOn((r) -> r.getDeviceId().equals(offline))
			.singleElement()
			.satisfies((r) -> assertThat(r.getError()).contains("404103"));
	}

	private static DirectMethodsJobOptions options(int maxExecutionSeconds) {
		return DirectMethodsJobOptions.builder()
			.methodResponseTimeoutSeconds(10)
			.methodConnectTimeoutSeconds(0)
			.maxExecutionTimeSeconds(maxExecutionSeconds)
			.build();
	}

}
