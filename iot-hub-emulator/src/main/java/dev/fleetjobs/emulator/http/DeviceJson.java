package dev.fleetjobs.emulator.http;

import java.util.ArrayList;
import java.util.List;

import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.json.Json;
import dev.fleetjobs.emulator.registry.BulkOperation;
import dev.fleetjobs.emulator.registry.Connection;
import dev.fleetjobs.emulator.registry.Device;
import dev.fleetjobs.emulator.registry.DeviceSpec;
import dev.fleetjobs.emulator.registry.DeviceStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST {@code Device} and bulk {@code ExportImportDevice} shapes (iot-hub-protocol.md
 * §1.2).
 */
final class DeviceJson {

	private DeviceJson() {
	}

	static ObjectNode write(Device device, Connection connection) {
		ObjectNode json = Json.object();
		json.put("deviceId", device.deviceId());
		json.put("generationId", device.generationId());
		json.put("etag", device.etag());
		json.put("connectionState", connection.connected() ? "Connected" : "Disconnected");
		json.put("status", device.status().json());
		json.put("statusReason", device.statusReason());
		json.put("connectionStateUpdatedTime", Json.time(connection.stateUpdatedTime()));
		json.put("statusUpdatedTime", Json.time(device.statusUpdatedTime()));
		json.put("lastActivityTime", Json.time(connection.lastActivityTime()));
		json.put("cloudToDeviceMessageCount", 0);
		ObjectNode authentication = json.putObject("authentication");
		ObjectNode keys = authentication.putObject("symmetricKey");
		keys.put("primaryKey", device.primaryKey());
		keys.put("secondaryKey", device.secondaryKey());
		ObjectNode thumbprint = authentication.putObject("x509Thumbprint");
		thumbprint.putNull("primaryThumbprint");
		thumbprint.putNull("secondaryThumbprint");
		authentication.put("type", "sas");
		json.putObject("capabilities").put("iotEdge", device.iotEdge());
		if (device.deviceScope() != null) {
			json.put("deviceScope", device.deviceScope());
		}
		device.parentScopes().forEach(json.putArray("parentScopes")::add);
		return json;
	}

	/** A create or update body; the id in the body, when present, must match the path. */
	static DeviceSpec read(ObjectNode body, String pathId) {
		String bodyId = Json.string(body, "deviceId");
		if (bodyId != null && !bodyId.isEmpty() && !bodyId.equals(pathId)) {
			throw IotHubErrors.argumentInvalid(
					"The deviceId '" + bodyId + "' in the body does not match '" + pathId + "' in the path.");
		}
		return spec(pathId, body);
	}

	static BulkOperation readBulk(JsonNode item) {
		if (!(item instanceof ObjectNode body)) {
			throw IotHubErrors.argumentInvalid("Every entry of a bulk registry request must be a JSON object.");
		}
		JsonNode tags = body.get("tags");
		if (tags != null && !tags.isNull() && !tags.isObject()) {
			throw IotHubErrors.argumentInvalid("The tags of a bulk registry entry must be a JSON object.");
		}
		return new BulkOperation(spec(Json.string(body, "id"), body),
				BulkOperation.Mode.parse(Json.string(body, "importMode")), Json.string(body, "eTag"),
				(tags instanceof ObjectNode object) ? object : null);
	}

	private static DeviceSpec spec(String deviceId, ObjectNode body) {
		JsonNode authentication = body.path("authentication");
		String type = Json.string(authentication, "type");
		if (type != null && !type.equalsIgnoreCase("sas")) {
			throw IotHubErrors.argumentInvalid("Authentication type '" + type
					+ "' is not emulated; the emulator supports symmetric keys ('sas') only.");
		}
		JsonNode keys = authentication.path("symmetricKey");
		return new DeviceSpec(deviceId, DeviceStatus.parse(Json.string(body, "status")),
				Json.string(body, "statusReason"), Json.string(keys, "primaryKey"), Json.string(keys, "secondaryKey"),
				body.path("capabilities").path("iotEdge").asBoolean(false), scope(body),
				parentScopes(body.get("parentScopes")));
	}

	private static String scope(ObjectNode body) {
		JsonNode scope = body.get("deviceScope");
		if (scope != null && !scope.isNull() && !scope.isString()) {
			throw IotHubErrors.argumentInvalid("The deviceScope must be a string.");
		}
		return Json.string(body, "deviceScope");
	}

	private static List<String> parentScopes(JsonNode scopes) {
		if (scopes == null || scopes.isNull()) {
			return List.of();
		}
		List<String> values = new ArrayList<>();
		scopes.forEach((scope) -> values.add(scope.isString() ? scope.stringValue() : null));
		if (!scopes.isArray() || values.contains(null)) {
			throw IotHubErrors.argumentInvalid("The parentScopes must be an array of strings.");
		}
		return values;
	}

}
