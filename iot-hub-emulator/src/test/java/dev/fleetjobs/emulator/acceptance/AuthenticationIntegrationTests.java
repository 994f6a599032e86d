package dev.fleetjobs.emulator.acceptance;

import java.time.Duration;
import java.time.Instant;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubUnauthorizedException;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.registry.DeviceStatus;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.auth.AccessPolicies;
import dev.fleetjobs.emulator.auth.SasToken;
import dev.fleetjobs.emulator.support.Devices;
import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** SAS tokens are checked as the hub checks them, for the service API and for devices. */
@EmulatorTest
class AuthenticationIntegrationTests {

	@Test
	void serviceTokenSignedWithAWrongKeyIsRefused(IotHubEmulator hub) {
		String token = SasToken.create(hub.hostName(), AccessPolicies.newKey(), "iothubowner",
				Instant.now().plusSeconds(3600));

		assertThatThrownBy(() -> ServiceClients.withToken(hub, token).registry().getStatistics())
			.isInstanceOf(IotHubUnauthorizedException.class)
			.hasMessageContaining("signature");
	}

	@Test
	void expiredServiceTokenIsRefused(IotHubEmulator hub) {
		String token = hub.sasToken("iothubowner", Duration.ofMinutes(-1));

		assertThatThrownBy(() -> ServiceClients.withToken(hub, token).registry().getStatistics())
			.isInstanceOf(IotHubUnauthorizedException.class)
			.hasMessageContaining("expired");
	}

	@Test
	void policyWithoutRegistryWriteCannotCreateDevices(IotHubEmulator hub) throws Exception {
		ServiceClients readOnly = ServiceClients.of(hub, "registryRead");

		assertThat(readOnly.registry().getStatistics()).isNotNull();
		assertThatThrownBy(() -> readOnly.registry().addDevice(new Device("not-created")))
			.isInstanceOf(IotHubUnauthorizedException.class)
			.hasMessageContaining("REGISTRY_WRITE");
	}

	@Test
	void deviceTokenCannotCallTheServiceApi(IotHubEmulator hub, ServiceClients service) throws Exception {
		service.registry().addDevice(new Device("auth-device-token"));
		String deviceToken = hub.deviceSasToken("auth-device-token", Duration.ofHours(1));

		assertThatThrownBy(() -> ServiceClients.withToken(hub, deviceToken).registry().getStatistics())
			.isInstanceOf(IotHubUnauthorizedException.class);
	}

	@Test
	void deviceWithAWrongKeyIsRefused(IotHubEmulator hub, ServiceClients service) throws Exception {
		service.registry().addDevice(new Device("auth-wrong-key"));
		String forged = SasToken.create(hub.hostName() + "/devices/auth-wrong-key", AccessPolicies.newKey(), null,
				Instant.now().plusSeconds(3600));

		assertRefused(hub, "auth-wrong-key", forged);
	}

	@Test
	void deviceWithAnExpiredTokenIsRefused(IotHubEmulator hub, ServiceClients service) throws Exception {
		service.registry().addDevice(new Device("auth-expired"));

		assertRefused(hub, "auth-expired", hub.deviceSasToken("auth-expired", Duration.ofMinutes(-1)));
	}

	@Test
	void disabledDeviceIsRefusedAndDisconnected(IotHubEmulator hub, ServiceClients service) throws Exception {
		// Given a connected device
		Device created = service.registry().addDevice(new Device("auth-disabled"));
		DeviceClient device = Devices.overWebSockets(hub, "auth-disabled");
		device.open(false);
		await().until(() -> hub.sessions().isConnected("auth-disabled"));

		// When the service disables it
		created.setStatus(DeviceStatus.Disabled);
		service.registry().updateDevice(created);

		// Then its connection is closed and a new one is refused
		await().until(() -> !hub.sessions().isConnected("auth-disabled"));
		device.close();
		assertRefused(hub, "auth-disabled", hub.deviceSasToken("auth-disabled", Duration.ofHours(1)));
	}

	private static void assertRefused(IotHubEmulator hub, String deviceId, String token) {
		DeviceClient device = new DeviceClient(hub.serviceHostName(), deviceId, token::toCharArray,
				IotHubClientProtocol.MQTT_WS, ClientOptions.builder().sslContext(hub.sslContext()).build());
		try {
			assertThatThrownBy(() -> device.open(false)).isInstanceOf(IotHubClientException.class);
			assertThat(hub.sessions().isConnected(deviceId)).isFalse();
		}
		finally {
			device.close();
		}
	}

}
