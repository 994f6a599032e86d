package dev.fleetjobs.emulator.acceptance;

import java.util.List;

import com.microsoft.azure.sdk.iot.service.exceptions.IotHubBadFormatException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubConflictException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubNotFoundException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubPreconditionFailedException;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.registry.DeviceConnectionState;
import com.microsoft.azure.sdk.iot.service.registry.DeviceStatus;
import com.microsoft.azure.sdk.iot.service.twin.DeviceCapabilities;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The identity registry through RegistryClient. */
@EmulatorTest
class RegistryIntegrationTests {

	@Test
	void createGetUpdateAndDeleteADevice(ServiceClients service) throws Exception {
		// Given a new device
		Device created = service.registry().addDevice(new Device("reg-crud"));
		assertThat(created.getPrimaryKey()).isNotBlank();
		assertThat(created.getConnectionState()).isEqualTo(DeviceConnectionState.Disconnected);

		// When it is disabled
		created.setStatus(DeviceStatus.Disabled);
		Device updated = service.registry().updateDevice(created);

		// Then the change and a new etag are visible, keys unchanged
		Device read = service.registry().getDevice("reg-crud");
		assertThat(read.getStatus()).isEqualTo(DeviceStatus.Disabled);
		assertThat(read.getETag()).isEqualTo(updated.getETag()).isNotEqualTo(created.getETag());
		assertThat(read.getPrimaryKey()).isEqualTo(created.getPrimaryKey());

		// And a delete with the stale etag is refused, with the current one it works
		assertThatThrownBy(() -> service.registry().removeDevice(created))
			.isInstanceOf(IotHubPreconditionFailedException.class);
		service.registry().removeDevice(read);
		assertThatThrownBy(() -> service.registry().getDevice("reg-crud")).isInstanceOf(IotHubNotFoundException.class);
	}

	@Test
	void creatingAnExistingDeviceIsAConflict(ServiceClients service) throws Exception {
		service.registry().addDevice(new Device("reg-twice"));

		assertThatThrownBy(() -> service.registry().addDevice(new Device("reg-twice")))
			.isInstanceOf(IotHubConflictException.class)
			.hasMessageContaining("DeviceAlreadyExists");
	}

	@Test
	void operationsThatAreNotEmulatedGet501NamingThem(ServiceClients service) throws Exception {
		service.registry().addDevice(new Device("reg-modules"));

		assertThatThrownBy(() -> service.registry().getModulesOnDevice("reg-modules"))
			.isInstanceOf(com.microsoft.azure.sdk.iot.service.exceptions.IotHubException.class)
			.hasMessageContaining("does not implement modules");
	}

	@Test
	void statisticsCountEnabledAndDisabledDevices(ServiceClients service) throws Exception {
		var before = service.registry().getStatistics();
		Device device = new Device("reg-stats");
		device.setStatus(DeviceStatus.Disabled);
		service.registry().addDevice(device);

		var after = service.registry().getStatistics();

		assertThat(after.getTotalDeviceCount()).isEqualTo(before.getTotalDeviceCount() + 1);
		assertThat(after.getDisabledDeviceCount()).isEqualTo(before.getDisabledDeviceCount() + 1);
	}

	@Test
	void givenAnEdgeDevice_whenALeafDeviceTakesItsScope_thenTheRelationHoldsAndAnUnknownScopeIsRefused(
			ServiceClients service) throws Exception {
		// Given an edge device: the hub gives it its own scope
		Device edge = service.registry().addDevice(edge("reg-edge"));
		assertThat(edge.getScope()).isEqualTo("ms-azure-iot-edge://reg-edge-" + edge.getGenerationId());

		// When a leaf device is created in its scope
		Device leaf = new Device("reg-edge-leaf");
		leaf.setScope(edge.getScope());
		Device created = service.registry().addDevice(leaf);

		// Then the leaf has the scope and the edge device as its parent, also when read
		assertThat(created.getScope()).isEqualTo(edge.getScope());
		Device read = service.registry().getDevice("reg-edge-leaf");
		assertThat(read.getScope()).isEqualTo(edge.getScope());
		assertThat(read.getParentScopes()).containsExactly(edge.getScope());

		// And a scope that no edge device has is refused, and the leaf keeps its own
		read.setScope("ms-azure-iot-edge://nobody-638000000000000000");
		read.getParentScopes().clear();
		assertThatThrownBy(() -> service.registry().updateDevice(read)).isInstanceOf(IotHubBadFormatException.class)
			.hasMessageContaining("is not the scope of a registered edge device");
		assertThat(service.registry().getDevice("reg-edge-leaf").getScope()).isEqualTo(edge.getScope());

		// And the edge device's own scope cannot be changed
		Device edgeRead = service.registry().getDevice("reg-edge");
		edgeRead.setScope("ms-azure-iot-edge://reg-edge-1");
		assertThatThrownBy(() -> service.registry().updateDevice(edgeRead)).isInstanceOf(IotHubBadFormatException.class)
			.hasMessageContaining("generated by the hub");
	}

	@Test
	void givenARootEdgeDevice_whenAChildEdgeAndItsLeafAreCreated_thenEachNamesItsParentScope(ServiceClients service)
			throws Exception {
		// Given a root edge device
		Device root = service.registry().addDevice(edge("reg-root-edge"));

		// When a child edge device names it as its parent, and a leaf the child
		Device child = edge("reg-child-edge");
		child.getParentScopes().add(root.getScope());
		Device createdChild = service.registry().addDevice(child);
		Device leaf = new Device("reg-nested-leaf");
		leaf.setScope(createdChild.getScope());
		leaf.getParentScopes().add(createdChild.getScope());
		Device createdLeaf = service.registry().addDevice(leaf);

		// Then the child has a scope of its own and the root as its parent
		assertThat(createdChild.getScope()).startsWith("ms-azure-iot-edge://reg-child-edge-")
			.isNotEqualTo(root.getScope());
		assertThat(createdChild.getParentScopes()).containsExactly(root.getScope());
		assertThat(createdLeaf.getScope()).isEqualTo(createdChild.getScope());
		assertThat(createdLeaf.getParentScopes()).containsExactly(createdChild.getScope());

		// And a second parent is refused: a device has at most one
		Device twoParents = edge("reg-two-parents");
		twoParents.getParentScopes().addAll(List.of(root.getScope(), createdChild.getScope()));
		assertThatThrownBy(() -> service.registry().addDevice(twoParents)).isInstanceOf(IotHubBadFormatException.class)
			.hasMessageContaining("at most one parent");
	}

	private static Device edge(String deviceId) {
		Device device = new Device(deviceId);
		DeviceCapabilities capabilities = new DeviceCapabilities();
		capabilities.setIotEdge(true);
		device.setCapabilities(capabilities);
		return device;
	}

}
