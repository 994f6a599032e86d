package dev.fleetjobs.emulator.acceptance;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.EmulatorConfig;
import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.Devices;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip over MQTT on TLS. The Java device SDK always dials 8883 (unprivileged),
 * so this class runs its own emulator there, REST on another high port.
 */
class MqttTlsRoundTripIntegrationTests {

	private static IotHubEmulator hub;

	@BeforeAll
	static void startOn8883() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (hub == null) {
			try {
				hub = IotHubEmulator.start(EmulatorConfig.builder().inMemory().httpsPort(0).mqttPort(8883).build());
			}
			catch (IllegalStateException ex) {
				if (Instant.now().isAfter(deadline)) {
					throw ex;
				}
				Thread.sleep(500); // another test JVM on this machine holds 8883 for a
									// moment
			}
		}
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	@Test
	void desiredReportedAndMethodRoundTripOverMqttTls() throws Exception {
		assertThat(hub.mqttPort()).isEqualTo(8883);
		RoundTrip.run(ServiceClients.of(hub), "tls-round-trip", (deviceId) -> Devices.overMqtt(hub, deviceId));
	}

}
