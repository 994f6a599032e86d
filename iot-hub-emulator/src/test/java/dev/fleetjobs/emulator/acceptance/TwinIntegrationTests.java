package dev.fleetjobs.emulator.acceptance;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubPreconditionFailedException;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.Devices;
import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.NodeServiceRequests;
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

	@ParameterizedTest(name = "If-Match {0}")
	@ValueSource(strings = { "the twin's etag", "*" })
	void givenNodesPatchWithDesiredNull_whenSent_thenEveryDesiredPropertyIsGoneItsVersionMovesAndTheDeviceIsTold(
			String ifMatch, IotHubEmulator hub, ServiceClients service) throws Exception {
		// Given a connected device with two desired properties (desired $version 2)
		String deviceId = "twin-desired-null-" + (ifMatch.equals("*") ? "star" : "etag");
		service.registry().addDevice(new Device(deviceId));
		BlockingQueue<com.microsoft.azure.sdk.iot.device.twin.Twin> updates = new LinkedBlockingQueue<>();
		DeviceClient device = Devices.overWebSockets(hub, deviceId);
		try {
			device.open(false);
			device.subscribeToDesiredProperties((twin, context) -> updates.add(twin), null);
			Twin twin = service.twins().get(deviceId);
			twin.getDesiredProperties().put("foo", 1);
			twin.getDesiredProperties().put("bar", Map.of("baz", 2));
			Twin before = service.twins().patch(twin);
			assertThat(updates.poll(5, TimeUnit.SECONDS)).isNotNull();

			// When the Node SDK's twin.update({properties: {desired: null}}) is sent
			String etag = ifMatch.equals("*") ? "*" : before.getETag();
			HttpResponse<String> response = new NodeServiceRequests(hub).patchTwin(deviceId, etag,
					"{\"properties\":{\"desired\":null}}");

			// Then every desired property is gone and the versions moved
			assertThat(response.statusCode()).isEqualTo(200);
			Twin after = service.twins().get(deviceId);
			assertThat(after.getDesiredProperties()).isEmpty();
			assertThat(after.getDesiredProperties().getVersion()).isEqualTo(3);
			assertThat(after.getETag()).isNotEqualTo(before.getETag());
			// And the device is told with a null for each removed property
			var update = updates.poll(5, TimeUnit.SECONDS);
			assertThat(update).isNotNull();
			assertThat(update.getDesiredProperties().getVersion()).isEqualTo(3);
			assertThat(update.getDesiredProperties()).containsOnlyKeys("foo", "bar");
			assertThat(update.getDesiredProperties().values()).containsOnlyNulls();
			assertThat(device.getTwin().getDesiredProperties()).isEmpty();
		}
		finally {
			device.close();
		}
	}

	@Test
	void givenAPatchWithTagsNull_whenSent_thenEveryTagIsGoneAndDesiredStays(IotHubEmulator hub, ServiceClients service)
			throws Exception {
		service.registry().addDevice(new Device("twin-tags-null"));
		Twin twin = service.twins().get("twin-tags-null");
		twin.getTags().put("building", 43);
		twin.getTags().put("floor", 3);
		twin.getDesiredProperties().put("mode", "eco");
		service.twins().patch(twin);

		HttpResponse<String> response = new NodeServiceRequests(hub).patchTwin("twin-tags-null", "*",
				"{\"tags\":null}");

		assertThat(response.statusCode()).isEqualTo(200);
		Twin after = service.twins().get("twin-tags-null");
		assertThat(after.getTags()).isEmpty();
		assertThat(after.getDesiredProperties()).containsEntry("mode", "eco");
		assertThat(after.getDesiredProperties().getVersion()).isEqualTo(2);
	}

	/**
	 * The sequence of twin_e2e_tests.js on one device: a desired property from an earlier
	 * test, Node's {@code desired: null}, then changes while the device is offline. The
	 * new client's first getTwin must hold exactly those changes, merged.
	 */
	@Test
	void givenDesiredNulledOutThenChangedWhileTheDeviceIsOffline_whenANewClientConnects_thenGetTwinHasExactlyTheChanges(
			IotHubEmulator hub, ServiceClients service) throws Exception {
		// Given a device whose earlier desired property was nulled out the Node way
		service.registry().addDevice(new Device("twin-offline"));
		Twin earlier = new Twin("twin-offline");
		earlier.getDesiredProperties().put("telemetryInterval", 100);
		service.twins().patch(earlier);
		assertThat(new NodeServiceRequests(hub).patchTwin("twin-offline", "*", "{\"properties\":{\"desired\":null}}")
			.statusCode()).isEqualTo(200);

		// And that saw one desired change and then closed its client
		DeviceClient device = Devices.overWebSockets(hub, "twin-offline");
		device.open(false);
		device.subscribeToDesiredProperties((twin, context) -> {
		}, null);
		Twin first = new Twin("twin-offline");
		first.getDesiredProperties().put("foo", 1);
		first.getDesiredProperties().put("bar", Map.of("baz", 2, "tweedle", Map.of("dee", 3)));
		service.twins().patch(first);
		device.close();

		// When the service changes desired properties while it is offline
		Twin second = new Twin("twin-offline");
		second.getDesiredProperties().put("bar", Map.of("baz", 3));
		service.twins().patch(second);

		// Then a new client gets exactly both changes merged from its first getTwin
		DeviceClient again = Devices.overWebSockets(hub, "twin-offline");
		try {
			again.open(false);
			again.subscribeToDesiredProperties((twin, context) -> {
			}, null);
			var desired = again.getTwin().getDesiredProperties();
			assertThat(desired.getVersion()).isEqualTo(5);
			assertThat(desired).containsOnlyKeys("foo", "bar");
			assertThat(((Number) desired.get("foo")).intValue()).isEqualTo(1);
			@SuppressWarnings("unchecked")
			Map<String, Object> bar = (Map<String, Object>) desired.get("bar");
			assertThat(bar).containsOnlyKeys("baz", "tweedle");
			assertThat(((Number) bar.get("baz")).intValue()).isEqualTo(3);
			assertThat(((Number) ((Map<?, ?>) bar.get("tweedle")).get("dee")).intValue()).isEqualTo(3);
		}
		finally {
			again.close();
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
