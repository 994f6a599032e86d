package dev.fleetjobs.emulator.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Port: what happens to each authenticated REST call before its handler runs: it is
 * counted, and it may be throttled (the hub's 429), failed by an injected fault (429 or
 * 503) or delayed. Implemented outside the adapter (call counters, faults, tier quotas).
 */
@FunctionalInterface
public interface CallGate {

	/** Lets every call through at once. */
	CallGate OPEN = (operation) -> CompletableFuture.completedFuture(null);

	/**
	 * Admits a call of the named operation (e.g. {@code jobs.create}).
	 * @return a stage that completes when the call may proceed, or fails with the
	 * IotHubErrorException to answer instead; it may also throw that exception
	 */
	CompletionStage<Void> admit(String operation);

}
