package dev.fleetjobs.support.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the service under test, on its real port (test-jar of
 * service-support, used by job-request-service's and job-status-service's tests). Not
 * final only so that job-status-service can keep its old name for it for a while.
 */
public class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public Response post(String path, String body, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST((body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody()));
	}

	/** A POST whose body is streamed without a Content-Length (chunked). */
	public Response postChunked(String path, byte[] body, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
	}

	public Response get(String path, String... headers) {
		return send(request(path, headers).GET());
	}

	/**
	 * Opens a streaming GET (e.g. Server-Sent Events); the lines arrive as they are sent.
	 */
	public HttpResponse<Stream<String>> stream(String path, String... headers) {
		return send(request(path, headers).timeout(Duration.ofSeconds(60)).GET().build(),
				HttpResponse.BodyHandlers.ofLines());
	}

	/** {@code X-API-Key: <key>}. */
	public static String[] apiKey(String key) {
		return new String[] { "X-API-Key", key };
	}

	/** {@code Authorization: Bearer <token>}. */
	public static String[] bearer(String token) {
		return new String[] { "Authorization", "Bearer " + token };
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(20));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request;
	}

	private Response send(HttpRequest.Builder request) {
		return new Response(send(request.build(), HttpResponse.BodyHandlers.ofString()));
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return this.http.send(request, handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response with its body parsed as JSON (or a missing node). */
	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		public String text() {
			return this.raw.body();
		}

		public JsonNode json() {
			String body = this.raw.body();
			return (body == null || body.isBlank()) ? JSON.missingNode() : JSON.readTree(body);
		}

	}

}
