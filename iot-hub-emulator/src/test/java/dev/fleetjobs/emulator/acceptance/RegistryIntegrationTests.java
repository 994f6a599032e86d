package dev.fleetjobs.emulator.acceptance;

import com.microsoft.azure.sdk.iot.service.exceptions.IotHubConflictException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubNotFoundException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubPreconditionFailedException;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.registry.DeviceConnectionState;
import com.microsoft.azure.sdk.iot.service.registry.DeviceStatus;
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

}
