package dev.fleetjobs.emulator.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import dev.fleetjobs.emulator.IotHubEmulator;

/**
 * REST calls exactly as the Node service SDK (azure-iothub 1.16.6) sends them, for what
 * iot-service-client 2.1.9 cannot express (a {@code null} section in a twin patch, a twin
 * job whose patch changes nothing). Captured from azure-iothub 1.16.6 against the
 * emulator (SAS token left out):
 *
 * <pre>
 * PATCH /twins/{id}?api-version=2021-04-12
 *   Content-Type: application/json; charset=utf-8   If-Match: "AAAAAAAAAAI=" (or "*")
 *   Request-Id: {uuid}   User-Agent: azure-iothub/1.16.6
 *   {"properties":{"desired":null}}
 * PUT /jobs/v2/{jobId}?api-version=2021-04-12   (same headers, no If-Match)
 *   {"jobId":"..","type":"scheduleUpdateTwin","updateTwin":{"etag":"*","tags":{},
 *    "properties":{"desired":{},"reported":{}}},"startTime":"2026-12-06T17:00:32.762Z",
 *    "maxExecutionTimeInSeconds":120,"queryCondition":"deviceId = '..'"}
 * </pre>
 */
public final class NodeServiceRequests {

	private final IotHubEmulator hub;

	private final HttpClient http;

	public NodeServiceRequests(IotHubEmulator hub) {
		this.hub = hub;
		this.http = HttpClient.newBuilder().sslContext(hub.sslContext()).version(HttpClient.Version.HTTP_1_1).build();
	}

	/**
	 * {@code PATCH /twins/{id}} with Node's quoted If-Match ({@code "*"} or the etag).
	 */
	public HttpResponse<String> patchTwin(String deviceId, String etag, String body) throws IOException {
		return send(HttpRequest.newBuilder(uri("/twins/" + encode(deviceId)))
			.header("If-Match", "\"" + etag + "\"")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
	}

	/** {@code PUT /jobs/v2/{jobId}} with Node's body. */
	public HttpResponse<String> createJob(String jobId, String body) throws IOException {
		return send(HttpRequest.newBuilder(uri("/jobs/v2/" + encode(jobId)))
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		request.header("Content-Type", "application/json; charset=utf-8")
			.header("Authorization", this.hub.sasToken("iothubowner", Duration.ofHours(1)))
			.header("Request-Id", UUID.randomUUID().toString())
			.header("User-Agent", "azure-iothub/1.16.6");
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("https://" + this.hub.serviceHostName() + path + "?api-version=2021-04-12");
	}

	private static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
