package dev.fleetjobs.executor.scheduling;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One spelling for equal JSON values: object keys sorted, numbers without trailing zeros
 * ({@code 3}, {@code 3.0} and {@code 3.00} are all {@code 3}), keys starting with
 * {@code $} ({@code $metadata}, {@code $version}) left out. Lets the executor compare a
 * command's payload with what the hub (parsed by another JSON library) echoes back.
 */
public final class CanonicalJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CanonicalJson() {
	}

	/** The canonical text of a Java value (maps, lists, strings, numbers, ...). */
	public static String of(Object value) {
		return write(JSON.valueToTree(value), new StringBuilder()).toString();
	}

	/** The canonical text of a JSON document. */
	public static String ofJson(String json) {
		return write(JSON.readTree(json), new StringBuilder()).toString();
	}

	/**
	 * The canonical text of a JSON object, {@code {}} for null or missing (a twin patch
	 * without tags equals one with empty tags).
	 */
	public static String ofObject(Object value) {
		JsonNode node = JSON.valueToTree(value);
		return (node == null || node.isNull() || node.isMissingNode()) ? "{}"
				: write(node, new StringBuilder()).toString();
	}

	private static StringBuilder write(JsonNode node, StringBuilder out) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return out.append("null");
		}
		if (node.isObject()) {
			Map<String, JsonNode> sorted = new TreeMap<>();
			node.properties().forEach((entry) -> {
				if (!entry.getKey().startsWith("$")) {
					sorted.put(entry.getKey(), entry.getValue());
				}
			});
			out.append('{');
			String separator = "";
			for (Map.Entry<String, JsonNode> entry : sorted.entrySet()) {
				out.append(separator).append(JSON.writeValueAsString(entry.getKey())).append(':');
				write(entry.getValue(), out);
				separator = ",";
			}
			return out.append('}');
		}
		if (node.isArray()) {
			out.append('[');
			String separator = "";
			for (JsonNode element : node.values()) {
				out.append(separator);
				write(element, out);
				separator = ",";
			}
			return out.append(']');
		}
		if (node.isNumber()) {
			BigDecimal number = node.decimalValue().stripTrailingZeros();
			return out.append((number.signum() == 0) ? "0" : number.toPlainString());
		}
		return out.append(JSON.writeValueAsString(node));
	}

}
