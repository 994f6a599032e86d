package dev.fleetjobs.launcher.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The emulator's loopback admin API (tier profile, fault injection, call counters, device
 * connections), with an owner SAS token signed as the hub's SDKs sign theirs.
 */
public final class EmulatorAdmin {

	private final HttpClient http = HttpClient.newHttpClient();

	private final StackSettings settings;

	public EmulatorAdmin(StackSettings settings) {
		this.settings = settings;
	}

	public String tier(String tier) {
		return send("PUT", "/admin/tier", "{\"tier\":\"" + tier + "\"}");
	}

	public String calls() {
		return send("GET", "/admin/calls", null);
	}

	/**
	 * Calls the admin API; answers the body of a 2xx, throws with the status and body
	 * otherwise.
	 */
	public String send(String method, String path, String body) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.settings.ports().emulatorAdmin() + path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", ownerSasToken())
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(
						method + " " + path + " -> " + response.statusCode() + " " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An owner SAS token for the hub's host name, valid for an hour. */
	public String ownerSasToken() {
		return EmulatorCredentials.ownerSasToken(this.settings);
	}

}
