package dev.fleetjobs.simulator.sdk;

import java.time.Duration;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.simulator.engine.EngineProperties;
import dev.fleetjobs.simulator.engine.EngineProperties.Kind;
import dev.fleetjobs.simulator.engine.EngineProperties.Transport;
import dev.fleetjobs.simulator.engine.FleetEvents;
import dev.fleetjobs.simulator.hub.DeviceCredentials;
import dev.fleetjobs.simulator.hub.HubConnection;
import dev.fleetjobs.simulator.hub.HubProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** How the SDK engine builds its clients (nothing connects here). */
class SdkDeviceEngineTests {

	private static final String KEY = "c2ltdWxhdG9yLXRlc3Qta2V5LW5vdC1hLXNlY3JldA==";

	@Test
	void onAzuresPortsTheSdkGetsTheDeviceConnectionString() {
		// Given
		SdkDeviceEngine engine = engine("fleet.azure-devices.net", 443, 8883, Transport.MQTT);

		// When
		DeviceClient client = engine.newClient(new DeviceCredentials("d1", "fleet.azure-devices.net", KEY));

		// Then the SDK dials the hub itself and signs with the device key
		assertThat(client.getConfig().getIotHubHostname()).isEqualTo("fleet.azure-devices.net");
		assertThat(client.getConfig().getSasTokenAuthentication().getClass().getSimpleName())
			.isEqualTo("IotHubSasTokenSoftwareAuthenticationProvider");
		engine.close();
	}

	@Test
	void onOtherPortsTheSdkGetsTheHostWithItsPortAndATokenProvider() {
		// Given
		SdkDeviceEngine engine = engine("localhost", 18443, 18883, Transport.MQTT_WS);

		// When
		DeviceClient client = engine.newClient(new DeviceCredentials("d1", "localhost", KEY));

		// Then
		assertThat(client.getConfig().getIotHubHostname()).isEqualTo("localhost:18443");
		assertThat(client.getConfig().getSasTokenAuthentication().getClass().getSimpleName())
			.isEqualTo("IotHubSasTokenProvidedAuthenticationProvider");
		engine.close();
	}

	@Test
	void mqttOverTlsNeedsPort8883BecauseTheSdkAlwaysDialsIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> engine("localhost", 18443, 18883, Transport.MQTT))
			.withMessageContaining("always dials port 8883")
			.withMessageContaining("mqtt-ws");
	}

	private static SdkDeviceEngine engine(String host, int httpsPort, int mqttPort, Transport transport) {
		HubConnection hub = new HubConnection(
				new HubProperties("HostName=" + host + ";SharedAccessKeyName=iothubowner;SharedAccessKey=" + KEY,
						httpsPort, mqttPort, null, null, Duration.ofHours(1)));
		return new SdkDeviceEngine(hub, EngineProperties.of(Kind.SDK, transport), FleetEvents.NONE);
	}

}
