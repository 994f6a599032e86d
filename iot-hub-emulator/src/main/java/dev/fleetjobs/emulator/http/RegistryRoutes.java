package dev.fleetjobs.emulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import dev.fleetjobs.emulator.auth.Permission;
import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.http.Router.Operation;
import dev.fleetjobs.emulator.json.Json;
import dev.fleetjobs.emulator.registry.BulkOperation;
import dev.fleetjobs.emulator.registry.BulkRegistry;
import dev.fleetjobs.emulator.registry.Device;
import dev.fleetjobs.emulator.registry.DeviceRegistry;
import dev.fleetjobs.emulator.registry.Etags;
import dev.fleetjobs.emulator.twins.TwinService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Identity registry REST: devices, bulk operations, statistics. */
final class RegistryRoutes {

	private static final int DEFAULT_LIST_TOP = 1000;

	private final DeviceRegistry registry;

	private final BulkRegistry bulk;

	private final TwinService twins;

	RegistryRoutes(DeviceRegistry registry, TwinService twins) {
		this.registry = registry;
		this.bulk = new BulkRegistry(registry);
		this.twins = twins;
	}

	void register(Router router) {
		router.add("PUT", "/devices/{id}", Permission.REGISTRY_WRITE, Operation.writes("devices.put"), this::put)
			.add("GET", "/devices/{id}", Permission.REGISTRY_READ, Operation.reads("devices.get"), this::get)
			.add("DELETE", "/devices/{id}", Permission.REGISTRY_WRITE, Operation.writes("devices.delete"), this::delete)
			.add("GET", "/devices", Permission.REGISTRY_READ, Operation.reads("devices.list"), this::list)
			.add("POST", "/devices", Permission.REGISTRY_WRITE, Operation.writes("devices.bulk"), this::bulk)
			.add("GET", "/statistics/devices", Permission.REGISTRY_READ, Operation.reads("statistics.devices"),
					this::statistics)
			.notImplemented("GET", "/devices/{id}/modules", "modules (list modules on a device)")
			.notImplemented("PUT", "/devices/{id}/modules/{moduleId}", "modules (create or update a module)")
			.notImplemented("GET", "/devices/{id}/modules/{moduleId}", "modules (get a module)")
			.notImplemented("DELETE", "/devices/{id}/modules/{moduleId}", "modules (delete a module)")
			.notImplemented("GET", "/statistics/service", "service statistics");
	}

	private CompletionStage<RestResponse> put(RestRequest request) {
		String ifMatch = request.header("If-Match");
		var spec = DeviceJson.read(request.jsonObject(), request.param("id"));
		Device device = (Etags.normalize(ifMatch) == null) ? this.registry.create(spec)
				: this.registry.update(spec, ifMatch);
		return RestResponse.ok(json(device));
	}

	private CompletionStage<RestResponse> get(RestRequest request) {
		return RestResponse.ok(json(this.registry.get(request.param("id"))));
	}

	private CompletionStage<RestResponse> delete(RestRequest request) {
		String ifMatch = request.header("If-Match");
		this.registry.delete(request.param("id"), (ifMatch != null) ? ifMatch : "*");
		return RestResponse.noContent();
	}

	private CompletionStage<RestResponse> list(RestRequest request) {
		int top = DEFAULT_LIST_TOP;
		String topParam = request.queryParam("top");
		if (topParam != null) {
			try {
				top = Integer.parseInt(topParam);
			}
			catch (NumberFormatException ex) {
				throw IotHubErrors.argumentInvalid("top must be a number; it is '" + topParam + "'.");
			}
		}
		ArrayNode array = Json.MAPPER.createArrayNode();
		this.registry.list(Math.max(0, Math.min(top, DEFAULT_LIST_TOP))).forEach((device) -> array.add(json(device)));
		return RestResponse.ok(array);
	}

	private CompletionStage<RestResponse> bulk(RestRequest request) {
		JsonNode body = request.json();
		if (!body.isArray()) {
			throw IotHubErrors.argumentInvalid("A bulk registry request must be a JSON array of devices.");
		}
		List<BulkOperation> operations = new ArrayList<>();
		body.forEach((item) -> operations.add(DeviceJson.readBulk(item)));
		BulkOperation.Result result = this.bulk.apply(operations);
		Set<String> failed = result.errors().stream().map(BulkOperation.Failure::deviceId).collect(Collectors.toSet());
		for (BulkOperation operation : operations) {
			if (operation.tags() != null && !failed.contains(operation.device().deviceId())
					&& this.registry.find(operation.device().deviceId()) != null) {
				ObjectNode patch = Json.object();
				patch.set("tags", operation.tags());
				this.twins.patch(operation.device().deviceId(), patch, "*");
			}
		}
		ObjectNode json = Json.object();
		json.put("isSuccessful", result.successful());
		ArrayNode errors = json.putArray("errors");
		result.errors()
			.forEach((failure) -> errors.addObject()
				.put("deviceId", failure.deviceId())
				.put("errorCode", failure.errorCode())
				.put("errorStatus", failure.errorStatus()));
		json.putArray("warnings");
		return RestResponse.ok(json);
	}

	private CompletionStage<RestResponse> statistics(RestRequest request) {
		DeviceRegistry.Statistics statistics = this.registry.statistics();
		ObjectNode json = Json.object();
		json.put("totalDeviceCount", statistics.totalDeviceCount());
		json.put("enabledDeviceCount", statistics.enabledDeviceCount());
		json.put("disabledDeviceCount", statistics.disabledDeviceCount());
		return RestResponse.ok(json);
	}

	private ObjectNode json(Device device) {
		return DeviceJson.write(device, this.registry.connection(device.deviceId()));
	}

}
