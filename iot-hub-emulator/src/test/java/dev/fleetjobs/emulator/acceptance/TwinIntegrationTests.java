package dev.fleetjobs.emulator.acceptance;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubPreconditionFailedException;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.Devices;
import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Twin semantics through TwinClient: etags, merge, null deletes, replace, metadata. */
@EmulatorTest
class TwinIntegrationTests {

	@Test
	void patchWithAStaleEtagIsRefusedWith412(ServiceClients service) throws Exception {
		// Given a twin whose etag changed after it was read
		service.registry().addDevice(new Device("twin-etag"));
		Twin stale = service.twins().get("twin-etag");
		Twin other = service.twins().get("twin-etag");
		other.getDesiredProperties().put("mode", "eco");
		service.twins().patch(other);

		// When a patch is sent with the old etag, then it is refused
		stale.getDesiredProperties().put("mode", "turbo");
		assertThatThrownBy(() -> service.twins().patch(stale, stale.getETag()))
			.isInstanceOf(IotHubPreconditionFailedException.class);

		// And with the current etag it applies
		Twin current = service.twins().get("twin-etag");
		current.getDesiredProperties().put("mode", "turbo");
		assertThat(service.twins().patch(current, current.getETag()).getDesiredProperties()).containsEntry("mode",
				"turbo");
	}

	@Test
	void patchMergesAndNullDeletesAndTheDeviceIsTold(IotHubEmulator hub, ServiceClients service) throws Exception {
		// Given a connected device with two desired properties
		service.registry().addDevice(new Device("twin-null"));
		BlockingQueue<com.microsoft.azure.sdk.iot.device.twin.Twin> updates = new LinkedBlockingQueue<>();
		DeviceClient device = Devices.overWebSockets(hub, "twin-null");
		try {
			device.open(false);
			device.subscribeToDesiredProperties((twin, context) -> updates.add(twin), null);
			Twin twin = service.twins().get("twin-null");
			twin.getDesiredProperties().put("a", 1);
			twin.getDesiredProperties().put("b", 2);
			service.twins().patch(twin);
			assertThat(updates.poll(5, TimeUnit.SECONDS)).isNotNull();

			// When the service patches one of them to null and adds a tag
			Twin patch = new Twin("twin-null");
			patch.getDesiredProperties().put("a", null);
			patch.getTags().put("site", "lab");
			Twin after = service.twins().patch(patch);

			// Then it is gone, the other stays, versions moved, and the device is told
			assertThat(after.getDesiredProperties()).doesNotContainKey("a").containsKey("b");
			assertThat(((Number) after.getDesiredProperties().get("b")).intValue()).isEqualTo(2);
			assertThat(after.getTags()).containsEntry("site", "lab");
			assertThat(after.getDesiredProperties().getVersion()).isEqualTo(3);
			var update = updates.poll(5, TimeUnit.SECONDS);
			assertThat(update.getDesiredProperties().getVersion()).isEqualTo(3);
			assertThat(update.getDesiredProperties()).containsKey("a");
			assertThat(update.getDesiredProperties().get("a")).isNull();
			assertThat(device.getTwin().getDesiredProperties()).doesNotContainKey("a").containsKey("b");
		}
		finally {
			device.close();
		}
	}

	@Test
	void replaceSwapsTagsAndDesiredAndKeepsMetadata(ServiceClients service) throws Exception {
		service.registry().addDevice(new Device("twin-replace"));
		Twin twin = service.twins().get("twin-replace");
		twin.getDesiredProperties().put("old", true);
		twin.getTags().put("old", true);
		service.twins().patch(twin);

		Twin replacement = new Twin("twin-replace");
		replacement.getDesiredProperties().put("fresh", "yes");
		replacement.getTags().put("fresh", "yes");
		Twin after = service.twins().replace(replacement);

		assertThat(after.getDesiredProperties()).containsOnlyKeys("fresh");
		assertThat(after.getTags()).containsOnlyKeys("fresh");
		assertThat(after.getDesiredProperties().getTwinMetadata("fresh").getLastUpdated()).isNotNull();
		assertThat(after.getDesiredProperties().getTwinMetadata("fresh").getLastUpdatedVersion()).isEqualTo(3);
	}

}
