package dev.fleetjobs.emulator.acceptance;

import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.Devices;
import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip over MQTT over WebSockets, with the emulator on ephemeral high ports:
 * the SDKs' host-name constructors with {@code localhost:<port>}.
 */
@EmulatorTest
class MqttWebSocketRoundTripIntegrationTests {

	@Test
	void desiredReportedAndMethodRoundTripOverMqttWebSockets(IotHubEmulator hub, ServiceClients service)
			throws Exception {
		assertThat(hub.httpsPort()).isNotEqualTo(443).isGreaterThan(1024);
		RoundTrip.run(service, "ws-round-trip", (deviceId) -> Devices.overWebSockets(hub, deviceId));
	}

}
