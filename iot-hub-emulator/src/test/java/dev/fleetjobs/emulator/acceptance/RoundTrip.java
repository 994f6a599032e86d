package dev.fleetjobs.emulator.acceptance;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.device.twin.TwinCollection;
import com.microsoft.azure.sdk.iot.service.methods.DirectMethodRequestOptions;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.twin.Twin;

import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance round trip, the same over every device transport: create a device,
 * connect it, push a desired patch that reaches it with its version, see its reported
 * patch from the service, and get its own answer to a direct method.
 */
final class RoundTrip {

	private RoundTrip() {
	}

	static void run(ServiceClients service, String deviceId, Function<String, DeviceClient> connect) throws Exception {
		// Given a device created through the registry and connected with the device SDK
		service.registry().addDevice(new Device(deviceId));
		BlockingQueue<com.microsoft.azure.sdk.iot.device.twin.Twin> desiredUpdates = new LinkedBlockingQueue<>();
		BlockingQueue<String> methodPayloads = new LinkedBlockingQueue<>();
		DeviceClient device = connect.apply(deviceId);
		try {
			device.open(false);
			device.subscribeToMethods((name, payload, context) -> {
				methodPayloads.add(name + ":" + payload.getPayloadAsJsonString());
				return new DirectMethodResponse(201, Map.of("Response", name + " called successfully"));
			}, null);
			device.subscribeToDesiredProperties((twin, context) -> desiredUpdates.add(twin), null);

			// When the service patches a desired property
			Twin twin = service.twins().get(deviceId);
			twin.getDesiredProperties().put("lockTime", "10m");
			service.twins().patch(twin);

			// Then the device gets it with the new $version
			var update = desiredUpdates.poll(10, TimeUnit.SECONDS);
			assertThat(update).as("desired patch on the device").isNotNull();
			assertThat(update.getDesiredProperties()).containsEntry("lockTime", "10m");
			assertThat(update.getDesiredProperties().getVersion()).isEqualTo(2);
			assertThat(device.getTwin().getDesiredProperties()).containsEntry("lockTime", "10m");

			// When the device reports a property, then the service sees it
			TwinCollection reported = new TwinCollection();
			reported.put("locked", true);
			device.updateReportedProperties(reported);
			await().atMost(java.time.Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(service.twins().get(deviceId).getReportedProperties())
					.containsEntry("locked", true));

			// When the service calls a method, then the device's own status and payload
			// come back
			var response = service.methods()
				.invoke(deviceId, "lockDoor",
						DirectMethodRequestOptions.builder()
							.payload(Map.of("lockTime", "10m"))
							.methodResponseTimeoutSeconds(10)
							.methodConnectTimeoutSeconds(0)
							.build());
			assertThat(response.getStatus()).isEqualTo(201);
			assertThat(response.getPayloadAsJsonString()).isEqualTo("{\"Response\":\"lockDoor called successfully\"}");
			assertThat(methodPayloads.poll(1, TimeUnit.SECONDS)).isEqualTo("lockDoor:{\"lockTime\":\"10m\"}");
		}
		finally {
			device.close();
		}
	}

}
