package dev.fleetjobs.simulator.sdk;

import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.microsoft.azure.sdk.iot.device.twin.TwinCollection;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves JSON between the behaviour (Jackson) and the device SDK (Gson and
 * TwinCollection).
 */
final class SdkJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SdkJson() {
	}

	/** A twin section without its {@code $version} and {@code $metadata}. */
	static JsonNode properties(TwinCollection collection) {
		if (collection == null) {
			return JSON.createObjectNode();
		}
		ObjectNode node = (ObjectNode) JSON.readTree(collection.toJsonElement().toString());
		node.remove("$version");
		node.remove("$metadata");
		return node;
	}

	static long version(TwinCollection collection) {
		return (collection != null && collection.getVersion() != null) ? collection.getVersion() : 0;
	}

	@SuppressWarnings("unchecked")
	static TwinCollection twinCollection(ObjectNode patch) {
		return new TwinCollection(JSON.convertValue(patch, Map.class));
	}

	static JsonElement gson(String json) {
		return JsonParser.parseString(json);
	}

}
