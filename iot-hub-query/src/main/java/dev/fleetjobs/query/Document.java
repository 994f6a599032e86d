package dev.fleetjobs.query;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A document a query runs over, with IoT Hub's path rules: top-level property names match
 * case-insensitively ({@code DeviceId} finds {@code deviceId}), and a path may start with
 * the collection name ({@code devices.jobs.jobId}).
 */
final class Document {

	/** Names the docs use in conditions that the records spell differently. */
	private static final Map<String, String> ALIASES = Map.of("createdTimeUtc", "createdDateTimeUtc",
			"lastUpdatedTimeUtc", "lastUpdatedDateTimeUtc", "type", "jobType");

	private final JsonNode root;

	private final QuerySource source;

	Document(JsonNode root, QuerySource source) {
		this.root = root;
		this.source = source;
	}

	JsonNode resolve(List<String> path) {
		int start = collectionPrefixLength(path);
		if (start >= path.size()) {
			return null;
		}
		JsonNode current = topLevel(path.get(start));
		for (int i = start + 1; i < path.size() && current != null; i++) {
			current = current.isObject() ? current.get(path.get(i)) : null;
		}
		return current;
	}

	private JsonNode topLevel(String name) {
		JsonNode value = this.root.get(name);
		if (value != null) {
			return value;
		}
		for (String property : this.root.propertyNames()) {
			if (property.equalsIgnoreCase(name)) {
				return this.root.get(property);
			}
		}
		String alias = (this.source == QuerySource.DEVICES_JOBS) ? ALIASES.get(name) : null;
		return (alias != null) ? this.root.get(alias) : null;
	}

	private int collectionPrefixLength(List<String> path) {
		return collectionPrefixLength(path, this.source);
	}

	/**
	 * How many leading segments of the path name the collection ({@code devices.jobs}).
	 */
	static int collectionPrefixLength(List<String> path, QuerySource source) {
		String[] collection = source.segments();
		if (collection.length == 1 || path.size() <= collection.length) {
			return 0;
		}
		for (int i = 0; i < collection.length; i++) {
			if (!collection[i].equalsIgnoreCase(path.get(i))) {
				return 0;
			}
		}
		return collection.length;
	}

}
