package dev.fleetjobs.emulator.http;

import java.util.List;
import java.util.Map;

import dev.fleetjobs.emulator.auth.Principal;
import dev.fleetjobs.emulator.json.Json;
import io.netty.handler.codec.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A service REST call, after routing and authentication. */
public record RestRequest(String method, String path, Map<String, String> pathParams,
		Map<String, List<String>> queryParams, HttpHeaders headers, byte[] body, Principal principal) {

	/** A path parameter, URL-decoded, e.g. {@code id} of {@code /devices/{id}}. */
	public String param(String name) {
		return this.pathParams.get(name);
	}

	public String header(String name) {
		return this.headers.get(name);
	}

	/** The first value of a query-string parameter, or null. */
	public String queryParam(String name) {
		List<String> values = this.queryParams.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	/** The body as JSON; malformed JSON is the hub's 400. */
	public JsonNode json() {
		return Json.parse(this.body);
	}

	/** The body as a JSON object; anything else is the hub's 400. */
	public ObjectNode jsonObject() {
		return Json.parseObject(this.body);
	}

}
