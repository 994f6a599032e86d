package dev.fleetjobs.emulator.jobs;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fleetjobs.emulator.EmulatorConfig;
import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.Devices;
import dev.fleetjobs.emulator.support.JobPolling;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crash of a data-directory emulator mid-job: after the restart the job resumes as
 * documented (devices in flight fail with EmulatorRestarted and are never called twice,
 * waiting devices run).
 */
class JobRestartIntegrationTests {

	private static final String OWNER_KEY = "cmVzdGFydC10ZXN0LW93bmVyLWtleS0wMTIzNDU2Nzg5";

	@Test
	void givenAJobMidRunWhenTheEmulatorCrashesAndRestartsThenTheJobResumesAsDocumented(@TempDir Path dataDir)
			throws Exception {
		// Given 30 connected devices that take 1 s to answer, and a jobs engine that runs
		// 5 devices at a time, so that a job on them runs for 6 s
		EmulatorConfig config = EmulatorConfig.builder()
			.dataDir(dataDir)
			.httpsPort(freePort())
			.mqttPort(freePort())
			.jobs(JobsProperties.DEFAULTS.withMaxInFlight(5))
			.policyKey("iothubowner", OWNER_KEY)
			.build();
		Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
		List<DeviceClient> devices = new ArrayList<>();
		String jobId = "restart-job";
		IotHubEmulator hub = IotHubEmulator.start(config);
		try {
			ServiceClients service = ServiceClients.of(hub);
			for (int i = 0; i < 30; i++) {
				String id = String.format("restart-%02d", i);
				service.registry().addDevice(new Device(id));
				DeviceClient device = Devices.overWebSockets(hub, id);
				device.open(true);
				device.subscribeToMethods((name, payload, context) -> {
					calls.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
					sleep(1000);
					return new DirectMethodResponse(200, "locked");
				}, null);
				devices.add(device);
			}
			service.jobs()
				.scheduleDirectMethod(jobId, "STARTSWITH(deviceId, 'restart-')", "lockDoor", new Date(),
						DirectMethodsJobOptions.builder()
							.methodResponseTimeoutSeconds(10)
							.methodConnectTimeoutSeconds(60)
							.maxExecutionTimeSeconds(300)
							.build());
			IotHubEmulator running = hub;
			await().atMost(Duration.ofSeconds(10))
				.until(() -> running.jobs().get(jobId).statistics().succeededCount() >= 5);

			// When the emulator crashes mid-job (nothing uncommitted is written) and
			// restarts
			hub.halt();
			Instant restartedAt = Instant.now();
			hub = IotHubEmulator.start(config);
			ServiceClients restarted = ServiceClients.of(hub);

			// Then the job resumes and completes once the devices have reconnected
			ScheduledJob done = JobPolling.awaitFinished(restarted.jobs(), jobId, Duration.ofSeconds(90));
			assertThat(done.getJobStatus()).isEqualTo(ScheduledJobStatus.completed);
			assertThat(done.getJobStatistics().getDeviceCount()).isEqualTo(30);
			int failed = done.getJobStatistics().getFailedCount();
			assertThat(failed).isPositive();
			assertThat(done.getJobStatistics().getSucceededCount() + failed).isEqualTo(30);

			// And the only failures are devices that were in flight, which are never
			// called twice
			List<ScheduledJob> records = JobPolling.deviceRecords(restarted.query(), jobId, 100);
			assertThat(records).hasSize(30);
			assertThat(records.stream().filter((r) -> r.getJobStatus() == ScheduledJobStatus.failed)).hasSize(failed)
				.allSatisfy((r) -> assertThat(r.getError()).contains("EmulatorRestarted"));
			assertThat(records.stream()
				.filter((r) -> r.getJobStatus() == ScheduledJobStatus.completed
						&& r.getStartTime().toInstant().isAfter(restartedAt)))
				.as("devices that waited ran after the restart")
				.isNotEmpty();
			for (ScheduledJob record : records) {
				int called = calls.getOrDefault(record.getDeviceId(), new AtomicInteger()).get();
				if (record.getJobStatus() == ScheduledJobStatus.completed) {
					assertThat(called).as(record.getDeviceId()).isEqualTo(1);
				}
				else {
					assertThat(called).as(record.getDeviceId()).isLessThanOrEqualTo(1);
				}
			}
		}
		finally {
			devices.forEach(DeviceClient::close);
			hub.close();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
