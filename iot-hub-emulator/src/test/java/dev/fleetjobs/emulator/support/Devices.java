package dev.fleetjobs.emulator.support;

import java.time.Duration;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import dev.fleetjobs.emulator.IotHubEmulator;

/** Official device clients for an emulator, configured as the README documents. */
public final class Devices {

	private Devices() {
	}

	/**
	 * MQTT over WebSockets on the emulator's HTTPS port: the host-name constructor with
	 * {@code host:port}, a SAS token provider and the emulator's CA.
	 */
	public static DeviceClient overWebSockets(IotHubEmulator hub, String deviceId) {
		return new DeviceClient(hub.serviceHostName(), deviceId,
				() -> hub.deviceSasToken(deviceId, Duration.ofHours(1)).toCharArray(), IotHubClientProtocol.MQTT_WS,
				options(hub));
	}

	/**
	 * MQTT over TLS: the Java SDK always dials 8883, so the emulator must listen there;
	 * the connection string names 127.0.0.1 (Java needs a '.' in HostName).
	 */
	public static DeviceClient overMqtt(IotHubEmulator hub, String deviceId) {
		String connectionString = hub.deviceConnectionString(deviceId)
			.replace("HostName=" + hub.hostName(), "HostName=127.0.0.1");
		return new DeviceClient(connectionString, IotHubClientProtocol.MQTT, options(hub));
	}

	public static ClientOptions options(IotHubEmulator hub) {
		return ClientOptions.builder().sslContext(hub.sslContext()).build();
	}

}
