package dev.fleetjobs.status.results;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.status.hub.HubQueries;
import dev.fleetjobs.status.hub.SdkPages;
import dev.fleetjobs.status.hub.TestBudgets;
import dev.fleetjobs.status.metrics.StatusMetrics;
import dev.fleetjobs.status.testsupport.StatusIntegrationTest;
import dev.fleetjobs.status.testsupport.TestHub;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code devices.jobs} queries of the results side against the emulator, through
 * {@code HubQueries} (the SDK's query call), with pages of 40 records over a job on the
 * 200-device fleet: the final records only, the records since a time, and the early
 * reads' bound (the newest update on the first page) that must not let any record slip
 * between reads.
 */
@StatusIntegrationTest
class HubDeviceJobRecordsIntegrationTests {

	@Autowired
	private HubQueries hubQueries;

	@Autowired
	private JsonMapper json;

	@Test
	void givenARunningJob_whenItsFinalRecordsAreReadPageByPageSinceEachBound_thenTogetherTheyAreEveryDeviceFinal()
			throws Exception {
		HubDeviceJobRecords records = new HubDeviceJobRecords(this.hubQueries, this.json,
				new ResultsProperties(40, Duration.ofMinutes(1), Duration.ofMillis(200), true, Duration.ZERO, 50_000));
		QueryGate gate = new QueryGate(TestBudgets.unlimited(), new StatusMetrics(new SimpleMeterRegistry()),
				Duration.ofMillis(100));
		TestHub hub = TestHub.get();
		List<String> devices = hub.fleet().ids();
		String jobId = "finals-" + UUID.randomUUID();
		ScheduledJob job = hub.lockDoor(jobId, devices, Duration.ZERO);
		JobProgress running = new JobProgress(jobId, 2, "req", JobType.DEVICE_METHOD, JobStatus.RUNNING,
				new DeviceJobStatistics(devices.size(), 0, 0, 0, 0), job.getCreatedTime().toInstant(), null, null, null,
				false, 0, Map.of(), Instant.now());

		// Read the final records as the early reads do, from each read's bound, while the
		// job runs (its devices answer over 2.4 s)
		Map<String, DeviceResult> finals = new HashMap<>();
		Instant since = null;
		int reads = 0;
		int partial = 0;
		while (!hub.jobs().get(jobId).getJobStatus().toString().equalsIgnoreCase("completed")) {
			DeviceJobRecords.Finals read = records.finalsSince(jobId, JobType.DEVICE_METHOD, since, gate);
			assertThat(read.records()).allSatisfy((result) -> assertThat(result.status().isTerminal()).isTrue());
			if (since != null) {
				Instant bound = since;
				assertThat(read.records()).allSatisfy((result) -> assertThat(result.lastUpdated())
					.isAfterOrEqualTo(bound.truncatedTo(ChronoUnit.MILLIS)));
			}
			if (read.firstPageNewest() != null) {
				assertThat(read.firstPageNewest()).isBeforeOrEqualTo(DeviceJobRecords.Finals.newest(read.records()));
			}
			read.records().forEach((result) -> finals.put(result.deviceId(), result));
			partial += (finals.size() > 0 && finals.size() < devices.size()) ? 1 : 0;
			since = EarlyResults.next(since, read.firstPageNewest(), running);
			reads++;
			Thread.sleep(150);
		}

		// The records updated since the last bound complete them: every device, final
		List<DeviceResult> rest = records.updatedSince(jobId, JobType.DEVICE_METHOD, since, gate);
		rest.forEach((result) -> finals.put(result.deviceId(), result));
		assertThat(partial).as("reads that saw some devices finished, not all (of %d)", reads).isGreaterThan(2);
		assertThat(rest.size()).as("records since the last bound").isLessThan(devices.size());
		assertThat(finals.keySet()).containsExactlyInAnyOrderElementsOf(devices);
		assertThat(finals.values()).allSatisfy((result) -> assertThat(result.status().isTerminal()).isTrue());
		assertThat(records.finalsSince(jobId, JobType.DEVICE_METHOD, null, gate).records()).hasSize(devices.size());

		// And streamed page by page (the next page asked for while one is handed on),
		// every record comes once, each page paid for from the budget
		List<String> streamed = new ArrayList<>();
		List<Boolean> paid = new ArrayList<>();
		records.forEach(jobId, JobType.DEVICE_METHOD, new SdkPages.Gate() {
			@Override
			public boolean beforeNextPage() {
				return true;
			}

			@Override
			public void pageReceived(boolean wasPaid) {
				paid.add(wasPaid);
			}
		}, (result) -> streamed.add(result.deviceId()));
		assertThat(streamed).containsExactlyInAnyOrderElementsOf(devices);
		assertThat(paid).hasSize((devices.size() + 39) / 40).containsOnly(true);
	}

}
