package dev.fleetjobs.simulator.acceptance;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.microsoft.azure.sdk.iot.service.methods.DirectMethodRequestOptions;
import com.microsoft.azure.sdk.iot.service.methods.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.fleetjobs.simulator.device.FaultProperties;
import dev.fleetjobs.simulator.engine.DeviceHandle;
import dev.fleetjobs.simulator.run.SimulatedFleet;
import dev.fleetjobs.simulator.support.Fleets;
import dev.fleetjobs.simulator.support.TestHub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both engines, behind the same behaviour, against the emulator through the official
 * service clients: lockDoor, unlockDoor, an unknown method, desired patches reported back
 * with their version, and reconciliation after a reconnect.
 */
class DeviceBehaviourIntegrationTests {

	@RegisterExtension
	static final VariantFleets fleets = new VariantFleets((variant) -> Fleets
		.start(Fleets.profile(variant.prefix("behaviour"), 4, 2, 2), FaultProperties.none(), variant.properties()));

	private final TestHub hub = TestHub.get();

	@ParameterizedTest
	@EnumSource(EngineVariant.class)
	void lockDoorAnswers200AndReportsLockedUntilNowPlusLockTime(EngineVariant variant) throws Exception {
		// Given
		String deviceId = fleets.get(variant).devices().get(0).deviceId();
		Instant before = Instant.now();

		// When
		DirectMethodResponse response = this.hub.methods()
			.invoke(deviceId, "lockDoor", options(Map.of("lockTime", "10m")));

		// Then
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getPayloadAsJsonString()).isEqualTo("{\"Response\":\"lockDoor called successfully\"}");
		Map<String, Object> reported = this.hub.twins().get(deviceId).getReportedProperties();
		assertThat(reported).containsEntry("doorState", "locked");
		Instant lockedUntil = Instant.parse((String) reported.get("lockedUntil"));
		assertThat(lockedUntil).isBetween(before.plus(Duration.ofMinutes(10)).minusSeconds(1),
				Instant.now().plus(Duration.ofMinutes(10)).plusSeconds(1));
	}

	@ParameterizedTest
	@EnumSource(EngineVariant.class)
	void unlockDoorAnswers200AndReportsUnlocked(EngineVariant variant) throws Exception {
		// Given a locked door
		String deviceId = fleets.get(variant).devices().get(1).deviceId();
		assertThat(this.hub.methods().invoke(deviceId, "lockDoor", options(Map.of("lockTime", "1h"))).getStatus())
			.isEqualTo(200);

		// When
		DirectMethodResponse response = this.hub.methods().invoke(deviceId, "unlockDoor", options(null));

		// Then
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getPayloadAsJsonString()).isEqualTo("{\"Response\":\"unlockDoor called successfully\"}");
		Map<String, Object> reported = this.hub.twins().get(deviceId).getReportedProperties();
		assertThat(reported).containsEntry("doorState", "unlocked").doesNotContainKey("lockedUntil");
	}

	@ParameterizedTest
	@EnumSource(EngineVariant.class)
	void unknownMethodAnswers404NamingTheMethod(EngineVariant variant) throws Exception {
		// Given
		String deviceId = fleets.get(variant).devices().get(2).deviceId();

		// When
		DirectMethodResponse response = this.hub.methods().invoke(deviceId, "openWindow", options(null));

		// Then
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getPayloadAsJsonString()).contains("openWindow")
			.contains("not implemented")
			.contains("lockDoor");
	}

	@ParameterizedTest
	@EnumSource(EngineVariant.class)
	void badLockTimeAnswers400(EngineVariant variant) throws Exception {
		// Given
		String deviceId = fleets.get(variant).devices().get(2).deviceId();

		// When
		DirectMethodResponse response = this.hub.methods()
			.invoke(deviceId, "lockDoor", options(Map.of("lockTime", "soon")));

		// Then
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getPayloadAsJsonString()).contains("lockTime 'soon'");
	}

	@ParameterizedTest
	@EnumSource(EngineVariant.class)
	void desiredPatchIsReportedBackWithItsVersion(EngineVariant variant) throws Exception {
		// Given
		String deviceId = fleets.get(variant).devices().get(3).deviceId();

		// When
		Twin patched = patchDesired(deviceId, Map.of("building", 43, "floor", 3));

		// Then
		awaitReported(deviceId, patched, Duration.ofSeconds(10), (reported) -> {
			assertThat(number(reported, "building")).isEqualTo(43);
			assertThat(number(reported, "floor")).isEqualTo(3);
		});
	}

	@ParameterizedTest
	@EnumSource(EngineVariant.class)
	void deviceReconcilesDesiredItMissedWhileDisconnected(EngineVariant variant) throws Exception {
		// Given a device that went away
		SimulatedFleet fleet = fleets.get(variant);
		DeviceHandle device = away(fleet, 0);

		// When the desired state changes while it is away, and it comes back
		Twin patched = patchDesired(device.deviceId(), Map.of("firmware", "2.0." + variant.ordinal()));
		fleet.engine().connect(device).get();

		// Then it reports what it missed, with the version
		awaitReported(device.deviceId(), patched, Duration.ofSeconds(10),
				(reported) -> assertThat(reported).containsEntry("firmware", "2.0." + variant.ordinal()));
	}

	@ParameterizedTest
	@EnumSource(EngineVariant.class)
	void deviceReconnectsByItselfWhenTheHubDropsItAndCatchesUp(EngineVariant variant) throws Exception {
		// Given
		SimulatedFleet fleet = fleets.get(variant);
		DeviceHandle device = fleet.devices().get(1);
		await().until(device::isConnected);

		// When the hub drops the connection and the desired state changes meanwhile
		this.hub.emulator().sessions().disconnect(device.deviceId());
		Twin patched = patchDesired(device.deviceId(), Map.of("schedule", "night-" + variant.ordinal()));

		// Then the device comes back on its own and reports the change with its version
		awaitReported(device.deviceId(), patched, Duration.ofSeconds(30),
				(reported) -> assertThat(reported).containsEntry("schedule", "night-" + variant.ordinal()));
		await().atMost(Duration.ofSeconds(30)).until(device::isConnected);
		assertThat(this.hub.methods().invoke(device.deviceId(), "unlockDoor", options(null)).getStatus())
			.isEqualTo(200);
	}

	@ParameterizedTest
	@EnumSource(EngineVariant.class)
	void aCallThatWaitsForADisconnectedDeviceIsAnsweredWhenItComesBack(EngineVariant variant) throws Exception {
		// Given a device that is away (as a churning device is)
		SimulatedFleet fleet = fleets.get(variant);
		DeviceHandle device = away(fleet, 2);

		// When a call waits for it (connect timeout) and it comes back
		CompletableFuture<DirectMethodResponse> call = CompletableFuture.supplyAsync(() -> {
			try {
				return this.hub.methods()
					.invoke(device.deviceId(), "lockDoor",
							DirectMethodRequestOptions.builder()
								.payload(Map.of("lockTime", "5m"))
								.methodResponseTimeoutSeconds(10)
								.methodConnectTimeoutSeconds(20)
								.build());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(500);
		fleet.engine().connect(device).get();

		// Then the call is answered
		assertThat(call.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
	}

	/** Disconnects one device of the fleet, as churn does. */
	private static DeviceHandle away(SimulatedFleet fleet, int index) throws Exception {
		DeviceHandle device = fleet.devices().get(index);
		fleet.engine().disconnect(device).get();
		assertThat(device.isConnected()).isFalse();
		return device;
	}

	/** Waits until the device reports the patch's values and acknowledges its version. */
	private void awaitReported(String deviceId, Twin patched, Duration timeout, Consumer<Map<String, Object>> values) {
		int version = patched.getDesiredProperties().getVersion();
		await().atMost(timeout).untilAsserted(() -> {
			Map<String, Object> reported = this.hub.twins().get(deviceId).getReportedProperties();
			values.accept(reported);
			assertThat(number(reported, "desiredVersion")).isEqualTo(version);
		});
	}

	private static long number(Map<String, Object> properties, String key) {
		assertThat(properties.get(key)).as(key).isInstanceOf(Number.class);
		return ((Number) properties.get(key)).longValue();
	}

	private Twin patchDesired(String deviceId, Map<String, Object> desired) throws Exception {
		Twin twin = new Twin(deviceId);
		twin.getDesiredProperties().putAll(desired);
		return this.hub.twins().patch(twin);
	}

	private static DirectMethodRequestOptions options(Object payload) {
		return DirectMethodRequestOptions.builder()
			.payload(payload)
			.methodResponseTimeoutSeconds(10)
			.methodConnectTimeoutSeconds(5)
			.build();
	}

}
