package dev.fleetjobs.launcher.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.fleetjobs.launcher.stack.EmulatorAdmin;
import dev.fleetjobs.launcher.stack.EmulatorCredentials;
import dev.fleetjobs.launcher.stack.StackSettings;
import tools.jackson.databind.JsonNode;

/**
 * The emulator as the scenario sees it: its loopback admin API (tier, faults, call
 * counters, device connections) and the hub's own REST API for its state (the jobs list,
 * device queries), both with an owner SAS token signed as the SDKs sign theirs.
 */
final class HubControl {

	private final StackSettings settings;

	private final EmulatorAdmin admin;

	private final HttpClient hub;

	/** Calls this class made on the hub's REST API (they are counted there too). */
	private final AtomicLong ownQueries = new AtomicLong();

	HubControl(StackSettings settings, Path caStore) {
		this.settings = settings;
		this.admin = new EmulatorAdmin(settings);
		this.hub = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(2))
			.sslContext(EmulatorCredentials.trusting(caStore))
			.build();
	}

	void tier(String tier) {
		admin("PUT", "/admin/tier", "{\"tier\":\"" + tier + "\"}");
	}

	/** Adds a fault; returns its id. */
	String fault(String json) {
		return Chaos.JSON.readTree(admin("POST", "/admin/faults", json)).path("id").asString();
	}

	void clearFaults() {
		admin("DELETE", "/admin/faults", null);
	}

	/** Drops every device connection; returns how many were dropped. */
	int disconnectAll() {
		return Chaos.JSON.readTree(admin("POST", "/admin/devices/disconnect", "{}")).path("disconnected").asInt();
	}

	/** Calls per operation since the emulator started. */
	JsonNode calls() {
		return Chaos.JSON.readTree(admin("GET", "/admin/calls", null));
	}

	long ownQueries() {
		return this.ownQueries.get();
	}

	/** How many devices are connected, from the hub's twins. */
	int connectedDevices() {
		String body = "{\"query\":\"SELECT COUNT() AS n FROM devices WHERE connectionState = 'Connected'\"}";
		HttpResponse<String> response = hub("POST", "/devices/query?api-version=2021-04-12", body, null);
		JsonNode rows = Chaos.JSON.readTree(response.body());
		return rows.isArray() && !rows.isEmpty() ? rows.get(0).path("n").asInt() : 0;
	}

	/** Every job the hub knows, following the continuation. */
	List<JsonNode> hubJobs() {
		List<JsonNode> jobs = new ArrayList<>();
		String continuation = null;
		do {
			HttpResponse<String> response = hub("GET", "/jobs/v2/query?api-version=2021-04-12", null, continuation);
			Chaos.JSON.readTree(response.body()).forEach(jobs::add);
			continuation = response.headers().firstValue("x-ms-continuation").orElse(null);
		}
		while (continuation != null);
		return jobs;
	}

	private HttpResponse<String> hub(String method, String path, String body, String continuation) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("https://localhost:" + this.settings.ports().emulatorHttps() + path))
			.timeout(Duration.ofSeconds(15))
			.header("Authorization", ownerSasToken())
			.header("Content-Type", "application/json; charset=utf-8")
			.header("x-ms-max-item-count", "1000")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (continuation != null) {
			request.header("x-ms-continuation", continuation);
		}
		this.ownQueries.incrementAndGet();
		HttpResponse<String> response = send(this.hub, request.build());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					method + " " + path + " -> " + response.statusCode() + " " + response.body());
		}
		return response;
	}

	private String admin(String method, String path, String body) {
		return this.admin.send(method, path, body);
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String ownerSasToken() {
		return EmulatorCredentials.ownerSasToken(this.settings);
	}

}
