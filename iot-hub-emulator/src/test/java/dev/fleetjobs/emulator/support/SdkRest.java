package dev.fleetjobs.emulator.support;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubException;
import com.microsoft.azure.sdk.iot.service.registry.serializers.ExportImportDeviceParser;
import com.microsoft.azure.sdk.iot.service.transport.http.HttpMethod;
import com.microsoft.azure.sdk.iot.service.transport.http.HttpRequest;
import com.microsoft.azure.sdk.iot.service.transport.http.HttpResponse;

import dev.fleetjobs.emulator.IotHubEmulator;

/**
 * Calls that iot-service-client 2.1.9 has no method for (the bulk registry operation) or
 * that need a body it would never send (malformed JSON), made with the SDK's own HTTP
 * transport, serializers and error mapping.
 */
public final class SdkRest {

	private SdkRest() {
	}

	/**
	 * {@code POST /devices}: the bulk registry operation, in the SDK's ExportImportDevice
	 * shape.
	 */
	public static JsonObject bulk(IotHubEmulator hub, List<ExportImportDeviceParser> devices)
			throws IOException, IotHubException {
		String body = devices.stream().map(ExportImportDeviceParser::toJson).collect(Collectors.joining(",", "[", "]"));
		return JsonParser.parseString(send(hub, "POST", "/devices", body)).getAsJsonObject();
	}

	public static ExportImportDeviceParser create(String deviceId) {
		ExportImportDeviceParser device = new ExportImportDeviceParser();
		device.setId(deviceId);
		device.setImportMode("create");
		device.setStatus("enabled");
		return device;
	}

	/**
	 * Sends a raw body through the SDK's transport; errors become the SDK's
	 * IotHubExceptions.
	 */
	public static String send(IotHubEmulator hub, String method, String path, String body)
			throws IOException, IotHubException {
		EmulatorTrust.install(hub);
		URL url = new URL("https://" + hub.serviceHostName() + path + (path.contains("?") ? "&" : "?")
				+ "api-version=2021-04-12");
		HttpRequest request = new HttpRequest(url, HttpMethod.valueOf(method),
				(body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0],
				hub.sasToken("iothubowner", Duration.ofHours(1)));
		request.setHeaderField("Content-Type", "application/json; charset=utf-8");
		request.setHeaderField("Accept", "application/json");
		HttpResponse response = request.send();
		return new String(response.getBody(), StandardCharsets.UTF_8);
	}

}
