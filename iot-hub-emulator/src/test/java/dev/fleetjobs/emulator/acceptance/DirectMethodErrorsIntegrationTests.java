package dev.fleetjobs.emulator.acceptance;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubGatewayTimeoutException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubNotFoundException;
import com.microsoft.azure.sdk.iot.service.methods.DirectMethodRequestOptions;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.Devices;
import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Direct methods that cannot be answered raise the service SDK's typed exceptions. */
@EmulatorTest
class DirectMethodErrorsIntegrationTests {

	@Test
	void offlineDeviceGetsDeviceNotOnline404103(ServiceClients service) throws Exception {
		// Given a registered device that is not connected
		service.registry().addDevice(new Device("offline-1"));

		// When a method is invoked with no connect timeout
		IotHubNotFoundException error = catchThrowableOfType(IotHubNotFoundException.class,
				() -> service.methods().invoke("offline-1", "lockDoor", options(5, 0)));

		// Then the hub's 404103 comes back as IotHubNotFoundException
		assertThat(error.getErrorCode()).isEqualTo(404103);
		assertThat(error.getMessage()).contains("Timed out waiting for device to connect");
	}

	@Test
	void deviceThatConnectsWithinConnectTimeoutGetsTheCall(IotHubEmulator hub, ServiceClients service)
			throws Exception {
		// Given a registered device that is offline when the call is made
		service.registry().addDevice(new Device("late-1"));
		CompletableFuture<Integer> status = CompletableFuture
			.supplyAsync(() -> invoke(service, "late-1", options(10, 20)));

		// When it connects and subscribes a moment later
		Thread.sleep(500);
		DeviceClient device = Devices.overWebSockets(hub, "late-1");
		try {
			device.open(false);
			device.subscribeToMethods((name, payload, context) -> new DirectMethodResponse(200, null), null);

			// Then the waiting call is delivered and answered
			assertThat(status.get(15, TimeUnit.SECONDS)).isEqualTo(200);
		}
		finally {
			device.close();
		}
	}

	@Test
	void unansweredCallGetsGatewayTimeout504101(IotHubEmulator hub, ServiceClients service) throws Exception {
		// Given a connected device whose method handler takes longer than the response
		// timeout
		service.registry().addDevice(new Device("slow-1"));
		DeviceClient device = Devices.overWebSockets(hub, "slow-1");
		try {
			device.open(false);
			device.subscribeToMethods((name, payload, context) -> {
				sleep(6500);
				return new DirectMethodResponse(200, null);
			}, null);

			// When the service waits only 5 s (the hub's minimum)
			IotHubGatewayTimeoutException error = catchThrowableOfType(IotHubGatewayTimeoutException.class,
					() -> service.methods().invoke("slow-1", "reboot", options(5, 0)));

			// Then the hub's 504101 comes back as IotHubGatewayTimeoutException
			assertThat(error.getErrorCode()).isEqualTo(504101);
			assertThat(hub.methods().inFlightCount()).isZero();
		}
		finally {
			device.close();
		}
	}

	@Test
	void unknownDeviceGetsDeviceNotFound(ServiceClients service) {
		IotHubNotFoundException error = catchThrowableOfType(IotHubNotFoundException.class,
				() -> service.methods().invoke("no-such-device", "reboot", options(5, 0)));

		assertThat(error.getMessage()).contains("DeviceNotFound");
	}

	private static DirectMethodRequestOptions options(int responseTimeout, int connectTimeout) {
		return DirectMethodRequestOptions.builder()
			.methodResponseTimeoutSeconds(responseTimeout)
			.methodConnectTimeoutSeconds(connectTimeout)
			.build();
	}

	private static int invoke(ServiceClients service, String deviceId, DirectMethodRequestOptions options) {
		try {
			return service.methods().invoke(deviceId, "lockDoor", options).getStatus();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
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

}
