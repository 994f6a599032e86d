package dev.fleetjobs.emulator.acceptance;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.device.twin.TwinCollection;
import com.microsoft.azure.sdk.iot.service.methods.DirectMethodRequestOptions;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fleetjobs.emulator.EmulatorConfig;
import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.auth.SasToken;
import dev.fleetjobs.emulator.support.Devices;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In data-directory mode a restart keeps devices, keys, twins, policies, the CA and the
 * devices' MQTT subscriptions.
 */
class RestartIntegrationTests {

	@Test
	void restartKeepsDevicesKeysTwinsAndSubscriptions(@TempDir Path dataDir) throws Exception {
		EmulatorConfig config = EmulatorConfig.builder()
			.dataDir(dataDir)
			.httpsPort(freePort())
			.mqttPort(freePort())
			.build();
		String ownerConnectionString;
		String deviceKey;
		String caPem;
		DeviceClient device;
		// Given a hub with a connected device whose twin has tags, desired and reported
		// properties
		try (IotHubEmulator hub = IotHubEmulator.start(config)) {
			ownerConnectionString = hub.connectionString("iothubowner");
			caPem = Files.readString(hub.caPemPath());
			ServiceClients service = ServiceClients.of(hub);
			deviceKey = service.registry().addDevice(new Device("kept-1")).getPrimaryKey();
			Twin twin = service.twins().get("kept-1");
			twin.getTags().put("floor", 3);
			twin.getDesiredProperties().put("lockTime", "10m");
			service.twins().patch(twin);
			device = new DeviceClient(hub.serviceHostName(), "kept-1",
					() -> SasToken
						.create("localhost/devices/kept-1", deviceKey, null, Instant.now().plus(Duration.ofHours(1)))
						.toCharArray(),
					IotHubClientProtocol.MQTT_WS, Devices.options(hub));
			device.open(true);
			device.subscribeToMethods((name, payload, context) -> new DirectMethodResponse(200, "still here"), null);
			device.subscribeToDesiredProperties((update, context) -> {
			}, null);
			TwinCollection reported = new TwinCollection();
			reported.put("locked", true);
			device.updateReportedProperties(reported);
		}

		// When it restarts from the same data directory on the same ports
		try (IotHubEmulator hub = IotHubEmulator.start(config)) {
			ServiceClients service = ServiceClients.of(hub);

			// Then policies, CA, the device, its keys and its twin are as they were
			assertThat(hub.connectionString("iothubowner")).isEqualTo(ownerConnectionString);
			assertThat(Files.readString(hub.caPemPath())).isEqualTo(caPem);
			assertThat(service.registry().getDevice("kept-1").getPrimaryKey()).isEqualTo(deviceKey);
			Twin twin = service.twins().get("kept-1");
			assertThat(twin.getTags()).containsKey("floor");
			assertThat(twin.getDesiredProperties()).containsEntry("lockTime", "10m");
			assertThat(twin.getDesiredProperties().getVersion()).isEqualTo(2);
			assertThat(twin.getReportedProperties()).containsEntry("locked", true);

			// And the reconnected device still gets method calls it subscribed to before
			await().atMost(Duration.ofSeconds(60)).until(() -> hub.sessions().isConnected("kept-1"));
			var response = service.methods()
				.invoke("kept-1", "ping",
						DirectMethodRequestOptions.builder()
							.methodResponseTimeoutSeconds(10)
							.methodConnectTimeoutSeconds(10)
							.build());
			assertThat(response.getPayloadAsJsonString()).isEqualTo("\"still here\"");
		}
		finally {
			device.close();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
