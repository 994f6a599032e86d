package dev.fleetjobs.emulator.registry;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.errors.IotHubErrorException;
import dev.fleetjobs.emulator.store.Store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gateway scopes: generated for edge devices, taken by leaves, kept in the store. */
class DeviceRegistryTests {

	private final Store store = Store.inMemory();

	private final DeviceRegistry registry = new DeviceRegistry(this.store.map("devices"), Clock.systemUTC());

	@Test
	void scopesAreGeneratedForEdgeDevicesTakenByLeavesAndReadBackFromTheStore() {
		Device edge = this.registry.create(edge("gw-1", null));
		Device child = this.registry.create(edge("gw-1-child", edge.deviceScope()));
		Device leaf = this.registry.create(leaf("sensor-1", child.deviceScope()));

		Device reread = new DeviceRegistry(this.store.map("devices"), Clock.systemUTC()).get("sensor-1");

		assertThat(edge.deviceScope()).isEqualTo("ms-azure-iot-edge://gw-1-" + edge.generationId());
		assertThat(edge.parentScopes()).isEmpty();
		assertThat(child.parentScopes()).containsExactly(edge.deviceScope());
		assertThat(leaf.deviceScope()).isEqualTo(child.deviceScope());
		assertThat(reread.deviceScope()).isEqualTo(child.deviceScope());
		assertThat(reread.parentScopes()).containsExactly(child.deviceScope());
		assertThat(this.registry.create(DeviceSpec.of("plain")).deviceScope()).isNull();
	}

	@Test
	void refusesScopesOfNoEdgeDeviceOfALeafDeviceOrOfADeletedOne() {
		Device edge = this.registry.create(edge("gw-2", null));
		Device leaf = this.registry.create(leaf("sensor-2", edge.deviceScope()));
		String leafScopeLike = "ms-azure-iot-edge://sensor-2-" + leaf.generationId();

		assertThatThrownBy(() -> this.registry.create(leaf("sensor-3", leafScopeLike)))
			.isInstanceOf(IotHubErrorException.class)
			.hasMessageContaining("not the scope of a registered edge device");
		assertThatThrownBy(() -> this.registry.create(leaf("sensor-4", "not-a-scope")))
			.isInstanceOf(IotHubErrorException.class);
		assertThatThrownBy(() -> this.registry.create(new DeviceSpec("sensor-5", DeviceStatus.ENABLED, null, null, null,
				false, edge.deviceScope(), List.of("ms-azure-iot-edge://other-1"))))
			.isInstanceOf(IotHubErrorException.class)
			.hasMessageContaining("must be its deviceScope");
		this.registry.delete("sensor-2", "*");
		this.registry.delete("gw-2", "*");
		assertThatThrownBy(() -> this.registry.create(leaf("sensor-6", edge.deviceScope())))
			.isInstanceOf(IotHubErrorException.class);
	}

	private static DeviceSpec edge(String deviceId, String parentScope) {
		return new DeviceSpec(deviceId, DeviceStatus.ENABLED, null, null, null, true, null,
				(parentScope != null) ? List.of(parentScope) : null);
	}

	private static DeviceSpec leaf(String deviceId, String scope) {
		return new DeviceSpec(deviceId, DeviceStatus.ENABLED, null, null, null, false, scope, null);
	}

}
