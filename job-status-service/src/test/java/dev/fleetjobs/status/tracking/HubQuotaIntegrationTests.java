package dev.fleetjobs.status.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.faults.Fault;
import dev.fleetjobs.emulator.throttling.TierProfile;
import dev.fleetjobs.status.testsupport.ExecutorEvents;
import dev.fleetjobs.status.testsupport.Fleet;
import dev.fleetjobs.status.testsupport.StatusIntegrationTest;
import dev.fleetjobs.status.testsupport.TestHub;
import dev.fleetjobs.status.testsupport.TopicRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub's quotas and throttling, on the emulator: ten jobs tracked at once against a
 * hub on the S1 tier (20 queries and 100 job operations per minute) keep the quotas, as
 * the emulator's call counters show; injected 429 and 503 answers are retried after the
 * backoff and nothing is lost.
 */
@StatusIntegrationTest
class HubQuotaIntegrationTests {

	@Autowired
	private TopicRecorder topics;

	@Autowired
	private TrackingService tracking;

	@Autowired
	private MeterRegistry meters;

	@Test
	void givenAnS1HubAndTenConcurrentJobs_whenTracked_thenItsQueryQuotaIsKeptAndEveryJobFinishes() {
		TestHub hub = TestHub.get();
		IotHubEmulator emulator = hub.emulator();
		List<String> healthy = healthy(hub);
		List<String> jobIds = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String jobId = "s1-" + UUID.randomUUID();
			hub.lockDoor(jobId, healthy.subList(i * 10, i * 10 + 10), Duration.ofSeconds(4));
			jobIds.add(jobId);
		}
		double throttledBefore = calls(null, "throttled");
		emulator.tier(TierProfile.parse("S1"));
		emulator.calls().reset();
		long start = System.nanoTime();
		try {
			jobIds.forEach((jobId) -> this.topics.publish(jobId, ExecutorEvents.submitted(jobId, "deviceId IN [...]")));
			await().atMost(Duration.ofSeconds(20)).until(() -> this.tracking.trackedJobIds().containsAll(jobIds));

			List<JobProgress> done = jobIds.stream()
				.map((jobId) -> this.topics.awaitFinal(jobId, Duration.ofSeconds(90)))
				.toList();

			double minutes = Math.ceil((System.nanoTime() - start) / 60e9);
			assertThat(emulator.calls().count("devices.query")).isBetween(10L, (long) (20 * minutes));
			assertThat(emulator.calls().count("jobs.query")).isLessThanOrEqualTo((long) (100 * minutes));
			assertThat(calls(null, "throttled")).isEqualTo(throttledBefore);
			assertThat(done).allSatisfy((progress) -> {
				assertThat(progress.statistics()).isEqualTo(new DeviceJobStatistics(10, 0, 10, 0, 0));
				assertThat(progress.deviceResultCount()).isEqualTo(10);
			});
		}
		finally {
			emulator.tier(TierProfile.UNLIMITED);
		}
	}

	@Test
	void givenTheHubAnswers429And503_whenAJobIsTracked_thenTheCallsAreRetriedAndEverythingIsStillPublished() {
		TestHub hub = TestHub.get();
		IotHubEmulator emulator = hub.emulator();
		List<String> devices = healthy(hub).subList(0, 10);
		String jobId = "throttled-" + UUID.randomUUID();
		hub.lockDoor(jobId, devices, Duration.ofSeconds(1));
		double throttledGets = calls("jobs.get", "throttled");
		double throttledPages = calls("devices.jobs.query", "throttled");
		emulator.calls().reset();
		emulator.faults().inject(Fault.throttle("jobs.get").times(2));
		emulator.faults().inject(Fault.unavailable("devices.query").times(1));
		try {
			this.topics.publish(jobId, ExecutorEvents.submitted(jobId, "deviceId IN [...]"));

			JobProgress done = this.topics.awaitFinal(jobId, Duration.ofSeconds(60));

			assertThat(done.statistics()).isEqualTo(new DeviceJobStatistics(10, 0, 10, 0, 0));
			assertThat(this.topics.results(jobId)).extracting(DeviceResult::deviceId)
				.containsExactlyInAnyOrderElementsOf(devices);
			assertThat(calls("jobs.get", "throttled") - throttledGets).isEqualTo(2);
			assertThat(calls("devices.jobs.query", "throttled") - throttledPages).isEqualTo(1);
			assertThat(emulator.calls().count("jobs.get")).isGreaterThanOrEqualTo(3);
			assertThat(emulator.calls().count("devices.query")).isGreaterThanOrEqualTo(2);
		}
		finally {
			emulator.faults().clear();
		}
	}

	private static List<String> healthy(TestHub hub) {
		return IntStream.range(0, TestHub.DEVICES)
			.filter((index) -> Fleet.role(index) == Fleet.Role.HEALTHY)
			.mapToObj((index) -> hub.fleet().ids().get(index))
			.toList();
	}

	/** The service's hub calls with this outcome, of one operation or (null) of all. */
	private double calls(String operation, String outcome) {
		return this.meters.find("fleetjobs.status.hub.calls")
			.tag("outcome", outcome)
			.counters()
			.stream()
			.filter((counter) -> operation == null || operation.equals(counter.getId().getTag("operation")))
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

}
