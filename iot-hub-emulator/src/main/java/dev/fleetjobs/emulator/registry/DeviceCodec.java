package dev.fleetjobs.emulator.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.fleetjobs.emulator.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** How a device is kept in the store. */
final class DeviceCodec {

	private DeviceCodec() {
	}

	static String write(Device device) {
		ObjectNode node = Json.object();
		node.put("deviceId", device.deviceId());
		node.put("generationId", device.generationId());
		node.put("version", device.version());
		node.put("status", device.status().name());
		node.put("statusReason", device.statusReason());
		node.put("statusUpdatedTime", device.statusUpdatedTime().toString());
		node.put("primaryKey", device.primaryKey());
		node.put("secondaryKey", device.secondaryKey());
		node.put("iotEdge", device.iotEdge());
		node.put("deviceScope", device.deviceScope());
		device.parentScopes().forEach(node.putArray("parentScopes")::add);
		return Json.text(node);
	}

	static Device read(String text) {
		JsonNode node = Json.read(text);
		return new Device(Json.string(node, "deviceId"), Json.string(node, "generationId"),
				node.path("version").asLong(), DeviceStatus.valueOf(Json.string(node, "status")),
				Json.string(node, "statusReason"), Instant.parse(Json.string(node, "statusUpdatedTime")),
				Json.string(node, "primaryKey"), Json.string(node, "secondaryKey"), node.path("iotEdge").asBoolean(),
				Json.string(node, "deviceScope"), strings(node.path("parentScopes")));
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return List.copyOf(values);
	}

}
