package dev.fleetjobs.emulator.twins;

import dev.fleetjobs.emulator.json.Json;
import dev.fleetjobs.emulator.registry.Connection;
import dev.fleetjobs.emulator.registry.Device;
import dev.fleetjobs.emulator.registry.DeviceRegistry;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the twin JSON that {@code GET /twins/{id}} returns, which is also the document
 * queries run over (iot-hub-protocol.md §1.3).
 */
final class TwinDocuments {

	private final DeviceRegistry registry;

	TwinDocuments(DeviceRegistry registry) {
		this.registry = registry;
	}

	/**
	 * The twin JSON of a state.
	 * @param copy false to share the state's nodes: cheaper, for read-only use only
	 */
	ObjectNode json(TwinState state, boolean copy) {
		Device device = this.registry.find(state.deviceId());
		Connection connection = this.registry.connection(state.deviceId());
		ObjectNode json = Json.object();
		json.put("deviceId", state.deviceId());
		json.put("etag", state.etag());
		if (device != null) {
			json.put("deviceEtag", device.etag());
			json.put("status", device.status().json());
			if (device.statusReason() != null) {
				json.put("statusReason", device.statusReason());
			}
			json.put("statusUpdateTime", Json.time(device.statusUpdatedTime()));
		}
		json.put("connectionState", connection.connected() ? "Connected" : "Disconnected");
		json.put("lastActivityTime", Json.time(connection.lastActivityTime()));
		json.put("cloudToDeviceMessageCount", 0);
		json.put("authenticationType", "sas");
		ObjectNode thumbprint = json.putObject("x509Thumbprint");
		thumbprint.putNull("primaryThumbprint");
		thumbprint.putNull("secondaryThumbprint");
		json.put("modelId", "");
		json.put("version", state.version());
		json.set("tags", copy ? state.tags().deepCopy() : state.tags());
		json.set("properties", state.properties(copy));
		json.putObject("capabilities").put("iotEdge", device != null && device.iotEdge());
		return json;
	}

}
