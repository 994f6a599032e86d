package dev.fleetjobs.emulator.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.google.gson.JsonParser;
import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobType;
import com.microsoft.azure.sdk.iot.service.query.JobQueryResponse;
import com.microsoft.azure.sdk.iot.service.query.QueryPageOptions;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.JobPolling;
import dev.fleetjobs.emulator.support.SdkFleet;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lockDoor job on the shared fleet of 500 official device clients, where 5% are offline
 * and 5% answer 500: exact statistics and exact device records, read page by page.
 */
@EmulatorTest
class FleetJobIntegrationTests {

	@Test
	void givenFiveHundredDevicesWithFaultsWhenALockDoorJobRunsThenStatisticsAndRecordsAreExact(ServiceClients service,
			SdkFleet fleet) throws Exception {
		// Given 500 devices: 25 offline, 25 answering 500, 450 answering 200
		Map<String, Integer> callsBefore = new HashMap<>();
		fleet.ids().forEach((id) -> callsBefore.put(id, fleet.calls(id)));
		String jobId = "fleet-lock-" + UUID.randomUUID();

		// When a lockDoor job runs on all of them, with a 2 s connect timeout
		service.jobs()
			.scheduleDirectMethod(jobId, "tags.fleet = '" + fleet.name() + "'", "lockDoor", new Date(),
					DirectMethodsJobOptions.builder()
						.payload(JsonParser.parseString("{\"lockTime\":\"10m\"}"))
						.methodResponseTimeoutSeconds(10)
						.methodConnectTimeoutSeconds(2)
						.maxExecutionTimeSeconds(120)
						.build());
		ScheduledJob done = JobPolling.awaitFinished(service.jobs(), jobId, Duration.ofSeconds(60));

		// Then the statistics are exact
		assertThat(done.getJobStatus()).isEqualTo(ScheduledJobStatus.completed);
		assertThat(done.getJobStatistics().getDeviceCount()).isEqualTo(500);
		assertThat(done.getJobStatistics().getSucceededCount()).isEqualTo(450);
		assertThat(done.getJobStatistics().getFailedCount()).isEqualTo(50);
		assertThat(done.getJobStatistics().getRunningCount()).isZero();
		assertThat(done.getJobStatistics().getPendingCount()).isZero();

		// And every device has one record, read in pages of 100, that says what it did
		List<ScheduledJob> records = JobPolling.deviceRecords(service.query(), jobId, 100);
		assertThat(records).hasSize(500);
		assertThat(records.stream().map(ScheduledJob::getDeviceId).collect(Collectors.toSet()))
			.isEqualTo(Set.copyOf(fleet.ids()));
		for (ScheduledJob record : records) {
			int index = fleet.ids().indexOf(record.getDeviceId());
			assertThat(record.getJobId()).isEqualTo(jobId);
			assertThat(record.getJobType()).isEqualTo(ScheduledJobType.scheduleDeviceMethod);
			assertThat(record.getEndTime()).as(record.getDeviceId()).isNotNull();
			switch (SdkFleet.role(index)) {
				case HEALTHY -> {
					assertThat(record.getJobStatus()).as(record.getDeviceId()).isEqualTo(ScheduledJobStatus.completed);
					assertThat(record.getOutcomeResult().getStatus()).isEqualTo(200);
					assertThat(record.getOutcomeResult().getPayloadAsJsonString()).isEqualTo(SdkFleet.OK_PAYLOAD);
					assertThat(record.getError()).isNull();
				}
				case ANSWERS_500 -> {
					assertThat(record.getJobStatus()).as(record.getDeviceId()).isEqualTo(ScheduledJobStatus.failed);
					assertThat(record.getOutcomeResult().getStatus()).isEqualTo(500);
					assertThat(record.getOutcomeResult().getPayloadAsJsonString()).isEqualTo(SdkFleet.FAILED_PAYLOAD);
					assertThat(record.getError()).contains("DeviceMethodFailed");
				}
				case OFFLINE -> {
					assertThat(record.getJobStatus()).as(record.getDeviceId()).isEqualTo(ScheduledJobStatus.failed);
					assertThat(record.getOutcomeResult()).isNull();
					assertThat(record.getError()).contains("\"code\":\"404103\"")
						.contains("Timed out waiting for device to connect");
				}
			}
		}

		// And each connected device was called exactly once
		for (int i = 0; i < fleet.ids().size(); i++) {
			String id = fleet.ids().get(i);
			int expected = (SdkFleet.role(i) == SdkFleet.Role.OFFLINE) ? 0 : 1;
			assertThat(fleet.calls(id) - callsBefore.get(id)).as(id).isEqualTo(expected);
		}

		// And device records filter by status and device as the hub allows
		assertThat(count(service, "SELECT * FROM devices.jobs WHERE devices.jobs.jobId = '" + jobId
				+ "' AND devices.jobs.status = 'failed'"))
			.isEqualTo(50);
		// (in pages of 7 that each scan on from where the last one stopped: every failed
		// record once, in device order, none of the others)
		List<String> failedInPages = deviceIds(service, "SELECT * FROM devices.jobs WHERE devices.jobs.jobId = '"
				+ jobId + "' AND devices.jobs.status = 'failed'", 7);
		assertThat(failedInPages).hasSize(50).doesNotHaveDuplicates().isSorted();
		assertThat(deviceIds(service, "SELECT * FROM devices.jobs WHERE devices.jobs.jobId = '" + jobId + "'", 7))
			.hasSize(500)
			.containsAll(failedInPages);
		assertThat(count(service, "select * from devices.jobs where devices.jobs.jobId = '" + jobId
				+ "' and devices.jobs.jobType = 'scheduleDeviceMethod' and devices.jobs.deviceId = 'fleet-005' "))
			.isEqualTo(1);
		// (a query that pins the jobId reads only that job's records; others read every
		// job's)
		assertThat(count(service, "SELECT * FROM devices.jobs WHERE devices.jobs.jobId = 'no-such-job'")).isZero();
		assertThat(count(service,
				"SELECT * FROM devices.jobs WHERE devices.jobs.deviceId = 'fleet-005' "
						+ "AND devices.jobs.jobType = 'scheduleDeviceMethod' AND devices.jobs.jobId != 'no-such-job'"))
			.isGreaterThanOrEqualTo(1);

		// And the job list finds it among the completed method jobs
		JobQueryResponse completed = service.jobs()
			.query(ScheduledJobType.scheduleDeviceMethod, ScheduledJobStatus.completed);
		boolean listed = false;
		while (completed.hasNext()) {
			listed |= completed.next().getJobId().equals(jobId);
		}
		assertThat(listed).isTrue();
	}

	@Test
	void givenFiftyDevicesWhenATwinJobRunsThenEveryTwinGetsItsTagsAndDesiredProperties(ServiceClients service,
			SdkFleet fleet) throws Exception {
		// Given 50 devices of one group
		String jobId = "fleet-twin-" + UUID.randomUUID();
		Twin patch = new Twin();
		patch.getTags().put("lockedBy", jobId);
		patch.getDesiredProperties().put("lockTime", "10m");

		// When a twin job runs on them
		service.jobs()
			.scheduleUpdateTwin(jobId, "tags.fleet = '" + fleet.name() + "' AND tags.group = 5", patch, new Date(), 60);
		ScheduledJob done = JobPolling.awaitFinished(service.jobs(), jobId, Duration.ofSeconds(30));

		// Then all 50 twins have the tag and the desired property, and the job says so
		assertThat(done.getJobStatus()).isEqualTo(ScheduledJobStatus.completed);
		assertThat(done.getJobStatistics().getSucceededCount()).isEqualTo(50);
		assertThat(count(service,
				"SELECT * FROM devices WHERE tags.lockedBy = '" + jobId + "' AND properties.desired.lockTime = '10m'"))
			.isEqualTo(50);
		assertThat(count(service, "SELECT * FROM devices.jobs WHERE devices.jobs.jobId = '" + jobId
				+ "' AND devices.jobs.status = 'completed'"))
			.isEqualTo(50);
	}

	private static List<String> deviceIds(ServiceClients service, String sql, int pageSize) throws Exception {
		QueryPageOptions page = QueryPageOptions.builder().pageSize(pageSize).build();
		var response = service.query().queryRaw(sql, page);
		List<String> ids = new ArrayList<>();
		while (response.hasNext()) {
			ids.add(JsonParser.parseString(response.next(page)).getAsJsonObject().get("deviceId").getAsString());
		}
		return ids;
	}

	private static int count(ServiceClients service, String sql) throws Exception {
		var response = service.query().queryRaw(sql);
		int count = 0;
		while (response.hasNext()) {
			response.next();
			count++;
		}
		return count;
	}

}
