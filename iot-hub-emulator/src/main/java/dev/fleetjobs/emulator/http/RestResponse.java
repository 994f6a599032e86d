package dev.fleetjobs.emulator.http;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import tools.jackson.databind.JsonNode;

/** What a route answers: a status, an optional JSON body and extra headers. */
public record RestResponse(int status, JsonNode body, Map<String, String> headers) {

	public static CompletionStage<RestResponse> ok(JsonNode body) {
		return CompletableFuture.completedFuture(new RestResponse(200, body, Map.of()));
	}

	public static CompletionStage<RestResponse> noContent() {
		return CompletableFuture.completedFuture(new RestResponse(204, null, Map.of()));
	}

}
