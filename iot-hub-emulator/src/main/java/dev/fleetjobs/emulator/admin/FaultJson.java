package dev.fleetjobs.emulator.admin;

import java.time.Duration;
import java.util.List;

import dev.fleetjobs.emulator.faults.Fault;
import dev.fleetjobs.emulator.faults.FaultInjector;
import dev.fleetjobs.emulator.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Faults in the admin API's JSON: {@code {"operation":"jobs.create","status":429,
 * "times":3}} or {@code {"operation":"*","delayMs":500,"fraction":0.5,"seed":42}}.
 */
final class FaultJson {

	private FaultJson() {
	}

	static Fault read(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new IllegalArgumentException(
					"A fault is a JSON object, e.g. {\"operation\":\"jobs.create\"," + "\"status\":429,\"times\":3}");
		}
		String operation = requiredText(body, "operation");
		Integer status = integer(body, "status");
		Integer delayMs = integer(body, "delayMs");
		if ((status == null) == (delayMs == null)) {
			throw new IllegalArgumentException("A fault has either 'status' (429 or 503) or 'delayMs'");
		}
		Fault fault = (status != null) ? new Fault(operation, status, null, null, null, 0)
				: Fault.delay(operation, Duration.ofMillis(delayMs));
		Integer times = integer(body, "times");
		if (times != null) {
			fault = fault.times(times);
		}
		JsonNode fraction = body.get("fraction");
		if (fraction != null && !fraction.isNull()) {
			if (!fraction.isNumber()) {
				throw new IllegalArgumentException("'fraction' must be a number above 0 and at most 1");
			}
			Integer seed = integer(body, "seed");
			fault = fault.fraction(fraction.asDouble(), (seed != null) ? seed : 0);
		}
		return fault;
	}

	static ArrayNode list(List<FaultInjector.State> states) {
		ArrayNode array = Json.MAPPER.createArrayNode();
		for (FaultInjector.State state : states) {
			Fault fault = state.fault();
			ObjectNode json = array.addObject().put("id", state.id()).put("operation", fault.operation());
			if (fault.delay() != null) {
				json.put("delayMs", fault.delay().toMillis());
			}
			else {
				json.put("status", fault.status());
			}
			if (fault.fraction() != null) {
				json.put("fraction", fault.fraction()).put("seed", fault.seed());
			}
			json.put("hits", state.hits());
			if (state.remaining() != null) {
				json.put("remaining", state.remaining());
			}
		}
		return array;
	}

	static String requiredText(JsonNode body, String field) {
		JsonNode value = (body != null) ? body.get(field) : null;
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw new IllegalArgumentException("'" + field + "' is required and must be a string");
		}
		return value.asString();
	}

	private static Integer integer(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw new IllegalArgumentException("'" + field + "' must be a whole number");
		}
		return value.asInt();
	}

}
