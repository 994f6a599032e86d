package dev.fleetjobs.executor.queueing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Whether the hub takes new jobs now. After a 429 (its job quota is full, or job creation
 * is throttled), or after a few transient failures in a row (a circuit breaker), it is
 * closed: new commands queue behind the waiting ones, and only the oldest waiting job is
 * tried, once per probe interval (growing, capped, with jitter). A job the hub takes
 * opens it again; a hub job that ends or is cancelled makes the next probe come at once.
 */
public final class HubGate {

	private static final Duration BUSY_MEMORY = Duration.ofMinutes(1);

	private final BackOff probeBackOff;

	private final int failuresBeforePause;

	private final Clock clock;

	private final MeterRegistry registry;

	private final Runnable changed;

	private Instant closedUntil;

	private BackOffExecution probes;

	private int consecutiveFailures;

	private Instant lastBusy;

	HubGate(QueueingProperties properties, Clock clock, MeterRegistry registry, Runnable changed) {
		this.probeBackOff = properties.quotaProbeBackOff();
		this.failuresBeforePause = properties.hubFailuresBeforePause();
		this.clock = clock;
		this.registry = registry;
		this.changed = changed;
	}

	/**
	 * The hub refused a job with 429: closes the gate (or keeps it closed) for the next
	 * probe interval.
	 * @param label the metric label ({@code quota} or {@code throttled})
	 * @return the wait until the next try
	 */
	public synchronized Duration busy(String label) {
		if (this.closedUntil == null || this.probes == null) {
			this.probes = this.probeBackOff.start();
		}
		Duration wait = Duration.ofMillis(this.probes.nextBackOff());
		this.lastBusy = this.clock.instant();
		this.closedUntil = this.lastBusy.plus(wait);
		Backoffs.record(this.registry, label, wait);
		return wait;
	}

	/**
	 * A hub call failed transiently (5xx, I/O). After a few in a row, with no success in
	 * between, the hub is taken to be unwell and the gate closes as for a 429, so that a
	 * full queue does not retry into an outage all at once.
	 * @param label the metric label, e.g. {@code server_error}
	 */
	public synchronized void failed(String label) {
		this.consecutiveFailures++;
		if (this.consecutiveFailures >= this.failuresBeforePause) {
			busy(label);
		}
	}

	/** The hub took a job: opens the gate. */
	public void accepted() {
		synchronized (this) {
			this.consecutiveFailures = 0;
			this.closedUntil = null;
			this.probes = null;
		}
		this.changed.run();
	}

	/** A hub job ended or was cancelled: the next probe may come now. */
	public void capacityMayHaveFreed() {
		synchronized (this) {
			if (this.closedUntil == null) {
				return;
			}
			this.closedUntil = this.clock.instant();
		}
		this.changed.run();
	}

	/**
	 * Whether the hub refused the last job (or failed repeatedly) and took none since.
	 */
	public synchronized boolean isClosed() {
		return this.closedUntil != null;
	}

	/**
	 * Whether the hub refused a job (429) or failed repeatedly within the last minute: it
	 * may have a job quota, so new jobs go to it one by one.
	 */
	public synchronized boolean wasBusyLately() {
		return this.lastBusy != null && this.clock.instant().isBefore(this.lastBusy.plus(BUSY_MEMORY));
	}

	/**
	 * Whether a new hub job may be tried now: the gate is open, or its probe interval has
	 * passed (a rollout's wave then probes like the oldest waiting job).
	 */
	public synchronized boolean mayTry() {
		return this.closedUntil == null || !this.clock.instant().isBefore(this.closedUntil);
	}

	/** When the next probe may go, or {@code null} when the gate is open. */
	synchronized Instant closedUntil() {
		return this.closedUntil;
	}

}
