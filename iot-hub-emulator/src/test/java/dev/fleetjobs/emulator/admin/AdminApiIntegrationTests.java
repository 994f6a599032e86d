package dev.fleetjobs.emulator.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.microsoft.azure.sdk.iot.service.exceptions.IotHubServerBusyException;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.json.Json;
import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.ServiceClients;
import dev.fleetjobs.emulator.throttling.TierProfile;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The admin API on its own loopback port (plain HTTP; not the hub's surface, so a plain
 * HTTP client drives it): owner token required, tier switch, faults, call counters,
 * problem+json errors.
 */
@EmulatorTest
class AdminApiIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void givenNoTokenOrAWeakPolicyWhenTheAdminApiIsCalledThenItAnswers401Or403AsProblemJson(IotHubEmulator hub)
			throws Exception {
		HttpResponse<String> anonymous = send(hub, "GET", "/admin/calls", null, null);
		HttpResponse<String> reader = send(hub, "PUT", "/admin/tier", "{\"tier\":\"S1\"}",
				hub.sasToken("registryRead", Duration.ofMinutes(5)));

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("content-type")).hasValue("application/problem+json");
		assertThat(reader.statusCode()).isEqualTo(403);
		assertThat(Json.read(reader.body()).get("detail").asString()).contains("registryRead");
		assertThat(hub.tier()).isEqualTo(TierProfile.UNLIMITED);
	}

	@Test
	void givenTheOwnerTokenWhenTheTierIsSwitchedThenTheNewQuotasApplyAtOnce(IotHubEmulator hub) throws Exception {

		HttpResponse<String> response = send(hub, "PUT", "/admin/tier", "{\"tier\":\"S2x3\"}", owner(hub));

		JsonNode body = Json.read(response.body());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(body.get("tier").asString()).isEqualTo("S2x3");
		assertThat(body.get("maxConcurrentJobs").asInt()).isEqualTo(5);
		assertThat(body.get("queriesPerMinute").asInt()).isEqualTo(60);
		assertThat(hub.tier()).isEqualTo(TierProfile.parse("S2x3"));
		assertThat(send(hub, "PUT", "/admin/tier", "{\"tier\":\"S9\"}", owner(hub)).statusCode()).isEqualTo(400);
	}

	@Test
	void givenAFaultPostedOverHttpWhenTheSdkCallsThenItFailsOnceAndTheCountersShowTheCalls(IotHubEmulator hub,
			ServiceClients service) throws Exception {
		// Given one 503 for twin reads, posted to the admin API, and fresh counters
		assertThat(send(hub, "DELETE", "/admin/calls", null, owner(hub)).statusCode()).isEqualTo(200);
		HttpResponse<String> posted = send(hub, "POST", "/admin/faults",
				"{\"operation\":\"twins.get\",\"status\":503,\"times\":1}", owner(hub));
		assertThat(posted.statusCode()).isEqualTo(200);
		assertThat(
				Json.read(send(hub, "GET", "/admin/faults", null, owner(hub)).body()).get(0).get("remaining").asInt())
			.isEqualTo(1);

		// When the SDK reads a twin twice
		service.registry().addDevice(new com.microsoft.azure.sdk.iot.service.registry.Device("admin-twin"));
		assertThatThrownBy(() -> service.twins().get("admin-twin")).isInstanceOf(IotHubServerBusyException.class);
		service.twins().get("admin-twin");

		// Then the counters saw both calls
		JsonNode calls = Json.read(send(hub, "GET", "/admin/calls", null, owner(hub)).body());
		assertThat(calls.get("twins.get").asInt()).isEqualTo(2);
		assertThat(calls.get("devices.put").asInt()).isEqualTo(1);
	}

	@Test
	void givenBadAdminCallsWhenTheyAreSentThenTheyGetClearProblems(IotHubEmulator hub) throws Exception {

		HttpResponse<String> badJson = send(hub, "POST", "/admin/faults", "{\"operation\":", owner(hub));
		HttpResponse<String> badFault = send(hub, "POST", "/admin/faults", "{\"operation\":\"x\",\"status\":500}",
				owner(hub));
		HttpResponse<String> typo = send(hub, "POST", "/admin/faults", "{\"operation\":\"job.create\",\"status\":429}",
				owner(hub));
		HttpResponse<String> unknown = send(hub, "GET", "/admin/nothing", null, owner(hub));
		HttpResponse<String> noDevice = send(hub, "POST", "/admin/devices/nobody/disconnect", null, owner(hub));

		assertThat(badJson.statusCode()).isEqualTo(400);
		assertThat(Json.read(badJson.body()).get("detail").asString()).contains("not valid JSON");
		assertThat(badFault.statusCode()).isEqualTo(400);
		assertThat(Json.read(badFault.body()).get("detail").asString()).contains("429 or 503");
		assertThat(typo.statusCode()).isEqualTo(400);
		assertThat(Json.read(typo.body()).get("detail").asString()).contains("jobs.create", "job.create");
		assertThat(hub.faults().list()).isEmpty();
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(Json.read(noDevice.body()).get("disconnected").asInt()).isZero();
	}

	private HttpResponse<String> send(IotHubEmulator hub, String method, String path, String body, String token)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.adminPort() + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String owner(IotHubEmulator hub) {
		return hub.sasToken("iothubowner", Duration.ofMinutes(5));
	}

}
