package dev.fleetjobs.emulator.acceptance;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.service.methods.DirectMethodRequestOptions;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.Devices;
import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscriptions survive a reconnect with CleanSession=0: the Java SDK re-subscribes only
 * to cloud-to-device messages, yet methods and desired patches keep reaching it.
 */
@EmulatorTest
class ReconnectIntegrationTests {

	@Test
	void methodAndDesiredSubscriptionsSurviveAReconnect(IotHubEmulator hub, ServiceClients service) throws Exception {
		// Given a device subscribed to methods and desired properties
		service.registry().addDevice(new Device("reconnecting"));
		BlockingQueue<Object> desired = new LinkedBlockingQueue<>();
		DeviceClient device = Devices.overWebSockets(hub, "reconnecting");
		try {
			device.open(true);
			device.subscribeToMethods((name, payload, context) -> new DirectMethodResponse(200, name), null);
			device.subscribeToDesiredProperties((twin, context) -> desired.add(twin), null);

			// When the hub drops the connection and the SDK reconnects on its own
			hub.sessions().disconnect("reconnecting");
			await().atMost(java.time.Duration.ofSeconds(30))
				.pollInterval(java.time.Duration.ofMillis(100))
				.until(() -> hub.sessions().isConnected("reconnecting"));

			// Then a method call and a desired patch still reach it
			var response = service.methods()
				.invoke("reconnecting", "ping",
						DirectMethodRequestOptions.builder()
							.methodResponseTimeoutSeconds(10)
							.methodConnectTimeoutSeconds(20)
							.build());
			assertThat(response.getStatus()).isEqualTo(200);
			Twin twin = new Twin("reconnecting");
			twin.getDesiredProperties().put("afterReconnect", true);
			service.twins().patch(twin);
			assertThat(desired.poll(10, TimeUnit.SECONDS)).isNotNull();
		}
		finally {
			device.close();
		}
	}

}
