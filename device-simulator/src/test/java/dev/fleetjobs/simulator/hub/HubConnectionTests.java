package dev.fleetjobs.simulator.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HubConnectionTests {

	private static final String KEY = "c2ltdWxhdG9yLXRlc3Qta2V5LW5vdC1hLXNlY3JldA==";

	@Test
	void aServicePolicyGivesTheHostAndTheServiceHostWithItsPort() {
		// Given
		HubConnection hub = new HubConnection(
				properties("HostName=localhost;SharedAccessKeyName=iothubowner;SharedAccessKey=" + KEY, 18443, null));

		// Then
		assertThat(hub.hostName()).isEqualTo("localhost");
		assertThat(hub.serviceHost()).isEqualTo("localhost:18443");
		assertThat(hub.canProvision()).isTrue();
		assertThat(hub.serviceSasToken()).startsWith("SharedAccessSignature sr=localhost&sig=")
			.contains("skn=iothubowner");
	}

	@Test
	void onPort443TheServiceHostIsTheBareHostName() {
		HubConnection hub = new HubConnection(properties(
				"HostName=fleet.azure-devices.net;SharedAccessKeyName=service;SharedAccessKey=" + KEY, 443, null));
		assertThat(hub.serviceHost()).isEqualTo("fleet.azure-devices.net");
	}

	@Test
	void secretsNeverShowInToStringOrErrors() {
		// Given
		HubProperties properties = properties(
				"HostName=localhost;SharedAccessKeyName=iothubowner;SharedAccessKey=" + KEY, 443, null);
		DeviceCredentials device = DeviceCredentials.parse("HostName=h.example;DeviceId=d1;SharedAccessKey=" + KEY);

		// Then
		assertThat(properties.toString()).doesNotContain(KEY).contains("(hidden)");
		assertThat(device.toString()).doesNotContain(KEY).contains("(hidden)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HubConnection(properties("HostName=localhost;SharedAccessKey=" + KEY, 443, null)))
			.withMessageContaining("SharedAccessKeyName")
			.withMessageNotContaining(KEY);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HubConnection(properties(
					"HostName=localhost:8443;SharedAccessKeyName=iothubowner;SharedAccessKey=" + KEY, 443, null)))
			.withMessageContaining("must not carry a port");
	}

	@Test
	void aDeviceSasTokenNamesTheDeviceAndExpires() {
		DeviceCredentials device = DeviceCredentials.parse("HostName=h.example;DeviceId=d1;SharedAccessKey=" + KEY);
		assertThat(device.sasToken(Duration.ofMinutes(5))).startsWith("SharedAccessSignature sig=")
			.contains("sr=h.example/devices/d1")
			.contains("&se=");
	}

	@Test
	void readsDevicesFromAFileOfConnectionStrings(@TempDir Path dir) throws IOException {
		// Given
		Path file = dir.resolve("devices.txt");
		Files.writeString(file, "# fleet\nHostName=h.example;DeviceId=d1;SharedAccessKey=" + KEY
				+ "\n\nHostName=h.example;DeviceId=d2;SharedAccessKey=" + KEY + "\n");

		// When
		HubConnection hub = new HubConnection(properties(null, 443, file));

		// Then
		assertThat(hub.canProvision()).isFalse();
		assertThat(hub.hostName()).isEqualTo("h.example");
		assertThat(hub.devicesFromFile()).extracting(DeviceCredentials::deviceId).containsExactly("d1", "d2");
	}

	@Test
	void aBadLineNamesItsNumberButNotItsContent(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("devices.txt");
		Files.writeString(file, "HostName=h.example;DeviceId=d1;SharedAccessKey=" + KEY + "\nHostName=h.example;"
				+ "SharedAccessKey=" + KEY + "\n");
		assertThatIllegalArgumentException().isThrownBy(() -> new HubConnection(properties(null, 443, file)))
			.withMessageContaining("line 2")
			.withMessageContaining("DeviceId")
			.withMessageNotContaining(KEY);
	}

	@Test
	void needsAConnectionStringOrADeviceFile() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(" ", 443, null))
			.withMessageContaining("connection-string");
	}

	private static HubProperties properties(String connectionString, int httpsPort, Path file) {
		return new HubProperties(connectionString, httpsPort, 8883, null, file, Duration.ofHours(1));
	}

}
