package dev.fleetjobs.emulator.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.errors.IotHubErrorException;
import dev.fleetjobs.emulator.store.Store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Token shapes each SDK sends (iot-hub-protocol.md §3.2) and what is refused. */
class SasAuthenticatorTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private static final String OWNER_KEY = AccessPolicies.newKey();

	private static final String DEVICE_KEY = AccessPolicies.newKey();

	private final Map<String, DeviceKeys.Credentials> devices = new java.util.HashMap<>(
			Map.of("dev1", new DeviceKeys.Credentials(DEVICE_KEY, AccessPolicies.newKey(), true), "off",
					new DeviceKeys.Credentials(DEVICE_KEY, DEVICE_KEY, false)));

	private final SasAuthenticator authenticator = new SasAuthenticator(Set.of("MyHub.local", "localhost"),
			new AccessPolicies(Store.inMemory().map("policies"),
					List.of(new AccessPolicy("iothubowner", OWNER_KEY, OWNER_KEY,
							AccessPolicy.BUILT_IN.get("iothubowner")))),
			this.devices::get, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void acceptsJavaServiceTokensWithLowerCasedEncodedHostAndAPortAlias() {
		String token = SasToken.create("myhub.local:8443", OWNER_KEY, "iothubowner", NOW.plusSeconds(60));

		assertThat(this.authenticator.authorizeService(token, Permission.REGISTRY_WRITE).policyName())
			.isEqualTo("iothubowner");
	}

	@Test
	void acceptsNodeServiceTokensSignedOverTheRawHost() {
		long se = NOW.plusSeconds(60).getEpochSecond();
		String sig = SasToken.sign(OWNER_KEY, "MyHub.local\n" + se);
		String token = "SharedAccessSignature sr=MyHub.local&sig=" + enc(sig) + "&skn=iothubowner&se=" + se;

		assertThat(this.authenticator.authorizeService(token, Permission.SERVICE_CONNECT)).isNotNull();
	}

	@Test
	void acceptsJavaDeviceTokensWithUnencodedResourceAndFieldsInAnyOrder() {
		long se = NOW.plusSeconds(60).getEpochSecond();
		String sr = "MyHub.local/devices/dev1";
		String token = "SharedAccessSignature sig=" + enc(SasToken.sign(DEVICE_KEY, sr + "\n" + se)) + "&se=" + se
				+ "&sr=" + sr;

		assertThat(this.authenticator.authorizeDevice("dev1", token).deviceId()).isEqualTo("dev1");
	}

	@Test
	void acceptsNodeDeviceTokensWithEncodedResourceAndPort() {
		String token = SasToken.create("localhost:18883/devices/dev1", DEVICE_KEY, null, NOW.plusSeconds(60));

		assertThat(this.authenticator.authorizeDevice("dev1", token).isDevice()).isTrue();
	}

	@Test
	void refusesAWrongKeyAnExpiredTokenAnotherHubAndAMissingPermission() {
		assertRefused(() -> this.authenticator.authorizeService(
				SasToken.create("localhost", AccessPolicies.newKey(), "iothubowner", NOW.plusSeconds(60)), null),
				"signature");
		assertRefused(() -> this.authenticator
			.authorizeService(SasToken.create("localhost", OWNER_KEY, "iothubowner", NOW.minusSeconds(1)), null),
				"expired");
		assertRefused(() -> this.authenticator.authorizeService(
				SasToken.create("otherhub.azure-devices.net", OWNER_KEY, "iothubowner", NOW.plusSeconds(60)), null),
				"another hub");
		assertRefused(() -> this.authenticator.authorizeService("Bearer abc", null), "malformed");
		assertRefused(() -> this.authenticator.authorizeService(null, null), "no Authorization");
	}

	@Test
	void refusesDevicesThatAreDisabledOrUnknownOrUseAnotherDevicesToken() {
		assertRefused(() -> this.authenticator.authorizeDevice("off",
				SasToken.create("localhost/devices/off", DEVICE_KEY, null, NOW.plusSeconds(60))), "disabled");
		assertRefused(
				() -> this.authenticator.authorizeDevice("ghost",
						SasToken.create("localhost/devices/ghost", DEVICE_KEY, null, NOW.plusSeconds(60))),
				"not registered");
		assertRefused(
				() -> this.authenticator.authorizeDevice("dev1",
						SasToken.create("localhost/devices/off", DEVICE_KEY, null, NOW.plusSeconds(60))),
				"another device");
		assertRefused(() -> this.authenticator.authorizeDevice("dev1",
				SasToken.create("localhost", OWNER_KEY, "iothubowner", NOW.plusSeconds(60))), "not scoped");
	}

	@Test
	void deviceScopedPolicyTokensWithDeviceConnectMayConnectThatDevice() {
		String token = SasToken.create("localhost/devices/dev1", OWNER_KEY, "iothubowner", NOW.plusSeconds(60));

		assertThat(this.authenticator.authorizeDevice("dev1", token).policyName()).isEqualTo("iothubowner");
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
		assertThatThrownBy(call).isInstanceOf(IotHubErrorException.class)
			.hasMessageContaining(reason)
			.extracting((ex) -> ((IotHubErrorException) ex).httpStatus())
			.isEqualTo(401);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
