package dev.fleetjobs.emulator.http;

import java.util.concurrent.CompletionStage;

/**
 * Answers one REST operation. Runs on an event loop: it must not block, so slow work
 * returns an incomplete stage (direct methods complete it when the device answers).
 */
@FunctionalInterface
public interface RouteHandler {

	CompletionStage<RestResponse> handle(RestRequest request);

}
