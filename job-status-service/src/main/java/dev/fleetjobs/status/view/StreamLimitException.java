package dev.fleetjobs.status.view;

import java.time.Duration;

/**
 * A Server-Sent Event stream refused: the client holds its maximum ({@code 429
 * too-many-streams}) or the instance does ({@code 503 server-busy}); either way with a
 * {@code Retry-After}.
 */
public class StreamLimitException extends RuntimeException {

	private final boolean perKey;

	private final Duration retryAfter;

	private StreamLimitException(boolean perKey, String message, Duration retryAfter) {
		super(message);
		this.perKey = perKey;
		this.retryAfter = retryAfter;
	}

	static StreamLimitException perKey(int max, Duration retryAfter) {
		return new StreamLimitException(true, "this API key holds " + max
				+ " open streams, the most one client may; close one or retry after " + retryAfter.toSeconds() + " s",
				retryAfter);
	}

	static StreamLimitException total(int max, Duration retryAfter) {
		return new StreamLimitException(false, "the service holds its maximum of " + max + " open streams; retry after "
				+ retryAfter.toSeconds() + " s", retryAfter);
	}

	/** Whether the client's own cap was reached (else the instance's). */
	public boolean perKey() {
		return this.perKey;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
