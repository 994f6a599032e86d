package dev.fleetjobs.emulator.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import dev.fleetjobs.emulator.auth.Permission;
import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.http.Router.Operation;
import dev.fleetjobs.emulator.json.Json;
import dev.fleetjobs.emulator.methods.MethodRequest;
import dev.fleetjobs.emulator.methods.MethodService;
import dev.fleetjobs.emulator.twins.TwinService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Twin REST (get, patch, replace) and direct-method invocation. */
final class TwinRoutes {

	private final TwinService twins;

	private final MethodService methods;

	TwinRoutes(TwinService twins, MethodService methods) {
		this.twins = twins;
		this.methods = methods;
	}

	void register(Router router) {
		router.add("GET", "/twins/{id}", Permission.SERVICE_CONNECT, Operation.reads("twins.get"), this::get)
			.add("PATCH", "/twins/{id}", Permission.SERVICE_CONNECT, Operation.writes("twins.patch"), this::patch)
			.add("PUT", "/twins/{id}", Permission.SERVICE_CONNECT, Operation.writes("twins.replace"), this::replace)
			.add("POST", "/twins/{id}/methods", Permission.SERVICE_CONNECT, Operation.reads("methods.invoke"),
					this::invoke)
			.notImplemented("GET", "/twins/{id}/modules/{moduleId}", "module twins (get)")
			.notImplemented("PATCH", "/twins/{id}/modules/{moduleId}", "module twins (patch)")
			.notImplemented("PUT", "/twins/{id}/modules/{moduleId}", "module twins (replace)")
			.notImplemented("POST", "/twins/{id}/modules/{moduleId}/methods", "direct methods on modules")
			.notImplemented("POST", "/messages/deviceBound", "cloud-to-device messages")
			.notImplemented("GET", "/configurations", "automatic device configurations")
			.notImplemented("GET", "/digitaltwins/{id}", "digital twins (IoT Plug and Play)");
	}

	private CompletionStage<RestResponse> get(RestRequest request) {
		return RestResponse.ok(this.twins.get(request.param("id")));
	}

	private CompletionStage<RestResponse> patch(RestRequest request) {
		return RestResponse.ok(this.twins.patch(request.param("id"), request.jsonObject(), request.header("If-Match")));
	}

	private CompletionStage<RestResponse> replace(RestRequest request) {
		return RestResponse
			.ok(this.twins.replace(request.param("id"), request.jsonObject(), request.header("If-Match")));
	}

	private CompletionStage<RestResponse> invoke(RestRequest request) {
		ObjectNode body = request.jsonObject();
		MethodRequest call = new MethodRequest(Json.string(body, "methodName"), body.get("payload"),
				seconds(body, "responseTimeoutInSeconds"), seconds(body, "connectTimeoutInSeconds"));
		return this.methods.invoke(request.param("id"), call).thenApply((result) -> {
			ObjectNode json = Json.object();
			json.put("status", result.status());
			json.set("payload", result.payload());
			return new RestResponse(200, json, Map.of());
		});
	}

	private static Duration seconds(ObjectNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.canConvertToLong() || !value.isIntegralNumber()) {
			throw IotHubErrors.argumentInvalid(field + " must be a whole number of seconds.");
		}
		return Duration.ofSeconds(value.asLong());
	}

}
