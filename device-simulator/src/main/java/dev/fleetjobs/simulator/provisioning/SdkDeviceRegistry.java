package dev.fleetjobs.simulator.provisioning;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubException;
import com.microsoft.azure.sdk.iot.service.query.QueryPageOptions;
import com.microsoft.azure.sdk.iot.service.query.TwinQueryResponse;
import com.microsoft.azure.sdk.iot.service.registry.RegistryClient;
import com.microsoft.azure.sdk.iot.service.registry.serializers.AuthenticationParser;
import com.microsoft.azure.sdk.iot.service.registry.serializers.AuthenticationTypeParser;
import com.microsoft.azure.sdk.iot.service.registry.serializers.ExportImportDeviceParser;
import com.microsoft.azure.sdk.iot.service.registry.serializers.SymmetricKeyParser;
import com.microsoft.azure.sdk.iot.service.transport.http.HttpMethod;
import com.microsoft.azure.sdk.iot.service.transport.http.HttpRequest;
import com.microsoft.azure.sdk.iot.service.transport.http.HttpResponse;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import com.microsoft.azure.sdk.iot.service.twin.TwinClient;
import com.microsoft.azure.sdk.iot.service.twin.TwinCollection;

import dev.fleetjobs.simulator.hub.HubConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry through the official service SDK (iot-service-client 2.1.9):
 * RegistryClient, TwinClient and the twin query. 2.1.9 has no method for the bulk
 * registry operation ({@code POST /devices}), so that one call goes through the SDK's own
 * HTTP transport, serializers ({@code ExportImportDeviceParser}) and error mapping.
 */
final class SdkDeviceRegistry implements DeviceRegistry {

	private static final String API_VERSION = "2021-04-12";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HubConnection hub;

	private final AzureSasCredential credential;

	private final RegistryClient registry;

	private final TwinClient twins;

	SdkDeviceRegistry(HubConnection hub) {
		this.hub = hub;
		hub.installServiceTrust();
		this.credential = new AzureSasCredential(hub.serviceSasToken());
		this.registry = new RegistryClient(hub.serviceHost(), this.credential);
		this.twins = new TwinClient(hub.serviceHost(), this.credential);
	}

	@Override
	public Set<String> createAll(List<NewDevice> devices) {
		String body = devices.stream()
			.map(SdkDeviceRegistry::bulkEntry)
			.map(ExportImportDeviceParser::toJson)
			.collect(Collectors.joining(",", "[", "]"));
		try {
			URL url = new URL("https://" + this.hub.serviceHost() + "/devices?api-version=" + API_VERSION);
			HttpRequest request = new HttpRequest(url, HttpMethod.POST, body.getBytes(StandardCharsets.UTF_8),
					this.hub.serviceSasToken());
			request.setHeaderField("Content-Type", "application/json; charset=utf-8");
			request.setHeaderField("Accept", "application/json");
			HttpResponse response = request.send();
			Set<String> existing = new HashSet<>();
			for (JsonNode error : JSON.readTree(response.getBody()).path("errors")) {
				String deviceId = error.path("deviceId").asString();
				if ("DeviceAlreadyExists".equalsIgnoreCase(error.path("errorCode").asString())) {
					existing.add(deviceId);
				}
				else {
					throw new ProvisioningException("The hub refused to create device " + deviceId + ": "
							+ error.path("errorCode").asString() + " " + error.path("errorStatus").asString(""));
				}
			}
			return existing;
		}
		catch (IOException | IotHubException ex) {
			throw new ProvisioningException("Bulk registry call for " + devices.size() + " devices failed", ex);
		}
	}

	@Override
	public String primaryKey(String deviceId) {
		try {
			return this.registry.getDevice(deviceId).getPrimaryKey();
		}
		catch (IOException | IotHubException ex) {
			throw new ProvisioningException("Reading device " + deviceId + " failed", ex);
		}
	}

	@Override
	public Map<String, Map<String, Object>> tags(List<String> deviceIds) {
		String ids = deviceIds.stream()
			.map((id) -> "'" + id.replace("\\", "\\\\").replace("'", "\\'") + "'")
			.collect(Collectors.joining(","));
		Map<String, Map<String, Object>> tags = new HashMap<>();
		try {
			refreshCredential();
			QueryPageOptions page = QueryPageOptions.builder().pageSize(deviceIds.size()).build();
			TwinQueryResponse response = this.twins.query("SELECT * FROM devices WHERE deviceId IN [" + ids + "]",
					page);
			while (response.hasNext()) {
				Twin twin = response.next(page);
				tags.put(twin.getDeviceId(), (twin.getTags() != null) ? twin.getTags() : Map.of());
			}
			return tags;
		}
		catch (IOException | IotHubException ex) {
			throw new ProvisioningException("Querying the twins of " + deviceIds.size() + " devices failed", ex);
		}
	}

	@Override
	public void patchTags(String deviceId, Map<String, Object> tags) {
		Twin twin = new Twin(deviceId);
		twin.getTags().putAll(tags);
		try {
			refreshCredential();
			this.twins.patch(twin);
		}
		catch (IOException | IotHubException ex) {
			throw new ProvisioningException("Tagging device " + deviceId + " failed", ex);
		}
	}

	private void refreshCredential() {
		this.credential.update(this.hub.serviceSasToken());
	}

	private static ExportImportDeviceParser bulkEntry(NewDevice device) {
		ExportImportDeviceParser entry = new ExportImportDeviceParser();
		entry.setId(device.deviceId());
		entry.setImportMode("create");
		entry.setStatus("enabled");
		AuthenticationParser authentication = new AuthenticationParser();
		authentication.setType(AuthenticationTypeParser.SAS);
		authentication.setSymmetricKey(new SymmetricKeyParser(device.primaryKey(), device.secondaryKey()));
		entry.setAuthentication(authentication);
		entry.setTags(new TwinCollection(device.tags()));
		return entry;
	}

}
