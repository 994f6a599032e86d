package dev.fleetjobs.emulator.jobs;

import java.time.Duration;
import java.util.Date;

import com.microsoft.azure.sdk.iot.service.exceptions.IotHubNotFoundException;
import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.EmulatorConfig;
import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.JobPolling;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Finished jobs and their device records are purged after the retention time. */
class JobRetentionIntegrationTests {

	@Test
	void givenARetentionOfTwoSecondsWhenAJobHasFinishedThenItIsGoneSoonAfter() throws Exception {
		try (IotHubEmulator hub = IotHubEmulator.start(EmulatorConfig.builder()
			.inMemory()
			.httpsPort(0)
			.mqttPort(0)
			.jobs(JobsProperties.DEFAULTS.withRetention(Duration.ofSeconds(2)))
			.build())) {
			// Given a job that finished (it selected no device)
			ServiceClients service = ServiceClients.of(hub);
			service.jobs()
				.scheduleDirectMethod("short-lived", "deviceId = 'nobody'", "lockDoor", new Date(),
						DirectMethodsJobOptions.builder().build());
			JobPolling.awaitFinished(service.jobs(), "short-lived", Duration.ofSeconds(5));

			// When the retention time has passed, then the hub no longer knows it
			await().atMost(Duration.ofSeconds(6))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> hub.jobs().list(null, null).isEmpty());
			assertThatThrownBy(() -> service.jobs().get("short-lived")).isInstanceOf(IotHubNotFoundException.class);
		}
	}

}
