package dev.fleetjobs.status.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import com.microsoft.azure.sdk.iot.service.exceptions.IotHubExceptionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's query call ({@code POST /devices/query}) as the service SDK's
 * {@code QueryClient.queryRaw} makes it (api-version 2021-04-12, the same SAS credential,
 * {@code x-ms-max-item-count}, {@code x-ms-continuation}), read with the JDK's HTTP
 * client. The 2.1.9 SDK reads every answer one byte at a time through
 * {@code HttpURLConnection} (about 75 ms per MB over TLS, measured in the scale
 * benchmark: most of the time of streaming a million device records); this reads each
 * page in one piece, and the next page can be asked for while one is processed. Failed
 * calls become the SDK's own exceptions ({@link IotHubExceptionManager#mapException}),
 * which {@link HubCallException#of} classifies.
 */
public final class HubQueries {

	private static final String API_VERSION = "2021-04-12";

	private final HttpClient http;

	private final URI uri;

	private final Supplier<String> sasToken;

	private final Duration timeout;

	private final JsonMapper json;

	public HubQueries(String hostAndPort, Supplier<String> sasToken, Duration timeout, SSLContext tls,
			JsonMapper json) {
		this.uri = URI.create("https://" + hostAndPort + "/devices/query?api-version=" + API_VERSION);
		this.sasToken = sasToken;
		this.timeout = timeout;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).sslContext(tls).build();
	}

	/** One page of a query's results; the continuation is null on the last page. */
	public record Page(List<JsonNode> items, String continuation) {
	}

	/** Asks for a page; the future fails with the SDK's exception for the answer. */
	public CompletableFuture<Page> page(String query, int pageSize, String continuation) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.uri)
			.timeout(this.timeout)
			.header("Authorization", this.sasToken.get())
			.header("Content-Type", "application/json; charset=utf-8")
			.header("Accept", "application/json")
			.header("Request-Id", UUID.randomUUID().toString())
			.header("x-ms-max-item-count", Integer.toString(pageSize))
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(Map.of("query", query))));
		if (continuation != null) {
			request.header("x-ms-continuation", continuation);
		}
		return this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(this::page);
	}

	/** Waits for a page asked for; throws what the call failed with. */
	public static Page await(CompletableFuture<Page> page) throws Exception {
		try {
			return page.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof Exception cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private Page page(HttpResponse<byte[]> response) {
		if (response.statusCode() >= 300) {
			throw new CompletionException(IotHubExceptionManager.mapException(response.statusCode(),
					new String(response.body(), StandardCharsets.UTF_8)));
		}
		JsonNode body = this.json.readTree(response.body());
		List<JsonNode> items = new ArrayList<>(body.size());
		body.forEach(items::add);
		String continuation = response.headers()
			.firstValue("x-ms-continuation")
			.filter((token) -> !token.isBlank())
			.orElse(null);
		return new Page(items, continuation);
	}

}
