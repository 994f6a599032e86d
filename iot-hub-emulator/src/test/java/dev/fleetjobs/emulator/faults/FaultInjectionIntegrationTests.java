package dev.fleetjobs.emulator.faults;

import java.time.Duration;
import java.util.Date;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubServerBusyException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubTooManyRequestsException;
import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.Devices;
import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection through the Java API, as the official SDK sees it: 429 and 503 for the
 * next N calls or a seeded fraction of calls, delays, call counters, and dropped device
 * connections.
 */
@EmulatorTest
class FaultInjectionIntegrationTests {

	@Test
	void givenTwoThrottledCreatesWhenTheSdkRetriesThenTheThirdAttemptIsAcceptedAndAllThreeAreCounted(IotHubEmulator hub,
			ServiceClients service) throws Exception {
		// Given the next two job creates answer 429
		hub.faults().inject(Fault.throttle("jobs.create").times(2));
		long before = hub.calls().count("jobs.create");
		String jobId = "faulted-" + UUID.randomUUID();

		// When the SDK creates the job three times, then two fail with 429 and one
		// succeeds
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatThrownBy(() -> create(service, jobId)).isInstanceOf(IotHubTooManyRequestsException.class)
				.hasMessageContaining("ThrottlingException");
		}
		assertThat(create(service, jobId)).isEqualTo(jobId);

		// And the counters saw three calls, and the fault is used up
		assertThat(hub.calls().count("jobs.create") - before).isEqualTo(3);
		assertThat(hub.faults().list()).isEmpty();
	}

	@Test
	void givenASeededFractionOfUnavailableGetsWhenTwentyGetsAreMadeThenExactlyTheSeededOnesFailWith503(
			IotHubEmulator hub, ServiceClients service) throws Exception {
		// Given 40% of job gets answer 503, chosen by seed 7
		String jobId = create(service, "fraction-" + UUID.randomUUID());
		hub.faults().inject(Fault.unavailable("jobs.*").fraction(0.4, 7));
		Random seeded = new Random(7);
		int expected = 0;
		for (int i = 0; i < 20; i++) {
			expected += (seeded.nextDouble() < 0.4) ? 1 : 0;
		}

		// When 20 gets are made
		int failed = 0;
		for (int i = 0; i < 20; i++) {
			try {
				service.jobs().get(jobId);
			}
			catch (IotHubServerBusyException ex) {
				failed++;
			}
		}

		// Then exactly the calls the seed picks failed
		assertThat(failed).isEqualTo(expected).isBetween(1, 19);
	}

	@Test
	void givenADelayedOperationWhenItIsCalledThenTheAnswerComesAfterTheDelay(IotHubEmulator hub, ServiceClients service)
			throws Exception {
		hub.faults().inject(Fault.delay("devices.query", Duration.ofMillis(400)).times(1));

		long started = System.nanoTime();
		service.query().queryTwins("SELECT * FROM devices WHERE deviceId = 'nobody'").hasNext();

		assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
	}

	@Test
	void givenAConnectedDeviceWhenItIsDisconnectedThenItsConnectionDropsAndTheSdkReconnects(IotHubEmulator hub,
			ServiceClients service) throws Exception {
		// Given a connected device
		String deviceId = "dropped-" + UUID.randomUUID().toString().substring(0, 8);
		BlockingQueue<IotHubConnectionStatus> statuses = new LinkedBlockingQueue<>();
		DeviceClient device = connected(hub, service, deviceId, statuses);
		try {

			// When the emulator drops its connection
			assertThat(hub.disconnect(deviceId)).isTrue();

			// Then the device SDK sees the connection lost, and connects again on its own
			assertThat(statuses.poll(10, TimeUnit.SECONDS)).isEqualTo(IotHubConnectionStatus.DISCONNECTED_RETRYING);
			assertThat(statuses.poll(30, TimeUnit.SECONDS)).isEqualTo(IotHubConnectionStatus.CONNECTED);
			await().atMost(Duration.ofSeconds(5)).until(() -> hub.sessions().isConnected(deviceId));
			assertThat(hub.disconnect("never-connected")).isFalse();
		}
		finally {
			device.close();
		}
	}

	@Test
	void givenADeviceMessageAskingForKillTcp_whenItsDelayPasses_thenTheConnectionDropsAndTheSdkReconnects(
			IotHubEmulator hub, ServiceClients service) throws Exception {
		// Given a connected device
		BlockingQueue<IotHubConnectionStatus> statuses = new LinkedBlockingQueue<>();
		DeviceClient device = connected(hub, service, "fault-asked-" + UUID.randomUUID().toString().substring(0, 8),
				statuses);
		try {

			// When it sends the message Azure's SDK e2e tests use to ask the hub for a
			// fault
			Message fault = new Message("fault");
			fault.setProperty("AzIoTHub_FaultOperationType", "KillTcp");
			fault.setProperty("AzIoTHub_FaultOperationCloseReason", "boom");
			fault.setProperty("AzIoTHub_FaultOperationDelayInSecs", "1");
			long sent = System.nanoTime();
			device.sendEvent(fault);

			// Then, after the delay, its connection drops and the SDK connects again
			assertThat(statuses.poll(10, TimeUnit.SECONDS)).isEqualTo(IotHubConnectionStatus.DISCONNECTED_RETRYING);
			assertThat((System.nanoTime() - sent) / 1_000_000).isGreaterThanOrEqualTo(900);
			assertThat(statuses.poll(30, TimeUnit.SECONDS)).isEqualTo(IotHubConnectionStatus.CONNECTED);

			// and a message without those properties drops nothing
			statuses.clear();
			device.sendEvent(new Message("plain"));
			assertThat(statuses.poll(2, TimeUnit.SECONDS)).isNull();
		}
		finally {
			device.close();
		}
	}

	/**
	 * A new device, connected over MQTT-WS, whose status changes from now on go to the
	 * queue.
	 */
	private static DeviceClient connected(IotHubEmulator hub, ServiceClients service, String deviceId,
			BlockingQueue<IotHubConnectionStatus> statuses) throws Exception {
		service.registry().addDevice(new Device(deviceId));
		DeviceClient device = Devices.overWebSockets(hub, deviceId);
		device.setConnectionStatusChangeCallback((context) -> statuses.add(context.getNewStatus()), null);
		device.open(true);
		statuses.clear();
		return device;
	}

	private static String create(ServiceClients service, String jobId) throws Exception {
		return service.jobs()
			.scheduleDirectMethod(jobId, "deviceId = 'nobody'", "lockDoor", new Date(),
					DirectMethodsJobOptions.builder().build())
			.getJobId();
	}

}
