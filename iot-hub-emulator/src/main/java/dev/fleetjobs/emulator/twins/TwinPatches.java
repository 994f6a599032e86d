package dev.fleetjobs.emulator.twins;

import java.util.ArrayList;
import java.util.Map;

import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Twin section rules: merge with null deletes, {@code $metadata}, names and limits. */
final class TwinPatches {

	static final int MAX_DEPTH = 10;

	private TwinPatches() {
	}

	/**
	 * Checks a section of a patch: a JSON object whose names hold no '.', '$' or space,
	 * nested at most ten levels. Top-level {@code $version} and {@code $metadata} are
	 * dropped, as clients echo them.
	 */
	static ObjectNode section(JsonNode node, String name) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (!(node instanceof ObjectNode object)) {
			throw IotHubErrors.argumentInvalid("The twin's " + name + " must be a JSON object.");
		}
		ObjectNode copy = object.deepCopy();
		copy.remove("$version");
		copy.remove("$metadata");
		checkNames(copy, name, 1);
		return copy;
	}

	/** Whether a patch gives a section as an explicit JSON null (remove it all). */
	static boolean isNull(JsonNode node) {
		return node != null && node.isNull();
	}

	/**
	 * Checks a job's patch: names, depth, sizes. A patch that changes nothing is valid,
	 * as on the hub.
	 */
	static void checkJobPatch(ObjectNode patch, int maxTags, int maxDesired) {
		ObjectNode tags = section(patch.get("tags"), "tags");
		JsonNode properties = patch.path("properties");
		ObjectNode desired = section(properties.get("desired"), "desired properties");
		ObjectNode reported = section(properties.get("reported"), "reported properties");
		if (reported != null && !reported.isEmpty()) {
			throw IotHubErrors.argumentInvalid("Reported properties can only be changed by the device.");
		}
		if (tags != null) {
			checkSize(tags, "tags", maxTags);
		}
		if (desired != null) {
			checkSize(desired, "desired properties", maxDesired);
		}
	}

	static void checkSize(ObjectNode values, String name, int limit) {
		int size = Json.bytes(values).length;
		if (size > limit) {
			throw IotHubErrors.argumentInvalid(
					"The twin's " + name + " would be " + size + " bytes; the hub's limit is " + limit + " bytes.");
		}
	}

	private static void checkNames(ObjectNode object, String path, int depth) {
		if (depth > MAX_DEPTH) {
			throw IotHubErrors.argumentInvalid(
					"The twin's " + path + " is nested deeper than the hub's limit of " + MAX_DEPTH + " levels.");
		}
		for (Map.Entry<String, JsonNode> entry : object.properties()) {
			String key = entry.getKey();
			if (key.isEmpty() || key.indexOf('.') >= 0 || key.indexOf('$') >= 0 || key.indexOf(' ') >= 0) {
				throw IotHubErrors.argumentInvalid("The twin property name '" + key + "' in " + path
						+ " is invalid: names may not be empty or contain '.', '$' or a space.");
			}
			if (entry.getValue() instanceof ObjectNode child) {
				checkNames(child, path + "." + key, depth + 1);
			}
		}
	}

	/**
	 * Merges a patch into values and their metadata: objects merge recursively, a null
	 * removes the property, anything else replaces it.
	 * @param version the section's new {@code $version} for {@code $lastUpdatedVersion},
	 * or null for reported properties, which carry no such field
	 */
	static void merge(ObjectNode values, ObjectNode metadata, ObjectNode patch, String now, Long version) {
		for (Map.Entry<String, JsonNode> entry : patch.properties()) {
			String key = entry.getKey();
			JsonNode value = entry.getValue();
			if (value.isNull()) {
				values.remove(key);
				metadata.remove(key);
			}
			else if (value instanceof ObjectNode child) {
				ObjectNode target = (values.get(key) instanceof ObjectNode existing) ? existing : values.putObject(key);
				ObjectNode targetMeta = (metadata.get(key) instanceof ObjectNode existing) ? existing
						: metadata.putObject(key);
				merge(target, targetMeta, child, now, version);
			}
			else {
				values.set(key, value.deepCopy());
				stamp(metadata.putObject(key), now, version);
			}
		}
		stamp(metadata, now, version);
	}

	/** Metadata for a whole section, every property stamped now. */
	static ObjectNode metadataFor(ObjectNode values, String now, Long version) {
		ObjectNode metadata = values.objectNode();
		merge(values.deepCopy(), metadata, values, now, version);
		return metadata;
	}

	/** A patch that turns {@code before} into {@code after} at the top level. */
	static ObjectNode difference(ObjectNode before, ObjectNode after) {
		ObjectNode patch = after.deepCopy();
		for (String key : new ArrayList<>(before.propertyNames())) {
			if (!after.has(key)) {
				patch.putNull(key);
			}
		}
		return patch;
	}

	private static void stamp(ObjectNode metadata, String now, Long version) {
		metadata.put("$lastUpdated", now);
		if (version != null) {
			metadata.put("$lastUpdatedVersion", version);
		}
	}

}
