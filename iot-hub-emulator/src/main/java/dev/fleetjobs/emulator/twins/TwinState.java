package dev.fleetjobs.emulator.twins;

import java.nio.ByteBuffer;
import java.util.Base64;

import dev.fleetjobs.emulator.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One device's twin. The sections are replaced, never changed in place, so a reader
 * holding a state sees a consistent twin; writers hold the device's lock.
 */
record TwinState(String deviceId, long version, ObjectNode tags, Section desired, Section reported) {

	static TwinState created(String deviceId, String now) {
		return new TwinState(deviceId, 1, Json.object(), Section.empty(now, true), Section.empty(now, false));
	}

	/** The twin etag, as the hub writes it: base64 of the eight-byte version. */
	String etag() {
		return Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(this.version).array());
	}

	/**
	 * The {@code properties} object of the twin JSON.
	 * @param copy false to share this state's nodes (read-only use, e.g. queries)
	 */
	ObjectNode properties(boolean copy) {
		ObjectNode properties = Json.object();
		properties.set("desired", this.desired.json(true, copy));
		properties.set("reported", this.reported.json(true, copy));
		return properties;
	}

	String write() {
		ObjectNode node = Json.object();
		node.put("version", this.version);
		node.set("tags", this.tags);
		node.set("desired", this.desired.store());
		node.set("reported", this.reported.store());
		return Json.text(node);
	}

	static TwinState read(String deviceId, String text) {
		JsonNode node = Json.read(text);
		return new TwinState(deviceId, node.path("version").asLong(), (ObjectNode) node.get("tags"),
				Section.read(node.get("desired")), Section.read(node.get("reported")));
	}

	/** Desired or reported properties, with their metadata and {@code $version}. */
	record Section(ObjectNode values, ObjectNode metadata, long version) {

		static Section empty(String now, boolean desired) {
			ObjectNode metadata = Json.object();
			metadata.put("$lastUpdated", now);
			if (desired) {
				metadata.put("$lastUpdatedVersion", 1);
			}
			return new Section(Json.object(), metadata, 1);
		}

		/** The section as the hub sends it; with or without {@code $metadata}. */
		ObjectNode json(boolean withMetadata, boolean copy) {
			ObjectNode json = copy ? this.values.deepCopy() : Json.object().setAll(this.values);
			if (withMetadata) {
				json.set("$metadata", copy ? this.metadata.deepCopy() : this.metadata);
			}
			json.put("$version", this.version);
			return json;
		}

		ObjectNode store() {
			ObjectNode node = Json.object();
			node.set("values", this.values);
			node.set("metadata", this.metadata);
			node.put("version", this.version);
			return node;
		}

		static Section read(JsonNode node) {
			return new Section((ObjectNode) node.get("values"), (ObjectNode) node.get("metadata"),
					node.path("version").asLong());
		}

		int size() {
			return Json.bytes(this.values).length;
		}

	}

}
