package dev.fleetjobs.status.hub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.fleetjobs.status.hub.HubOperation.Quota;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * This instance's share of the hub's quotas: one resilience4j rate limiter per quota
 * (spread evenly over the minute, so no burst can exceed the hub's per-minute window),
 * plus an exponential backoff per quota after the hub answers 429 or 503.
 */
@Component
public class HubBudget implements CallBudget {

	private static final Logger log = LoggerFactory.getLogger(HubBudget.class);

	private final Map<Quota, Lane> lanes = new EnumMap<>(Quota.class);

	private final Clock clock;

	HubBudget(HubBudgetProperties properties, Clock clock) {
		this.clock = clock;
		this.lanes.put(Quota.JOB_OPERATIONS,
				new Lane("job-operations", properties.jobOperationsPerMinute(), properties));
		this.lanes.put(Quota.QUERIES, new Lane("queries", properties.queriesPerMinute(), properties));
	}

	@Override
	public boolean tryAcquire(HubOperation operation) {
		Lane lane = this.lanes.get(operation.quota());
		return !this.clock.instant().isBefore(lane.backoff.until()) && lane.tryAcquire();
	}

	/**
	 * Waits for a permit and for any backoff to end, at most {@code maxWait}.
	 * @return whether a permit was taken
	 */
	public boolean acquire(HubOperation operation, Duration maxWait) throws InterruptedException {
		Lane lane = this.lanes.get(operation.quota());
		long deadline = System.nanoTime() + maxWait.toNanos();
		while (true) {
			Duration paused = Duration.between(this.clock.instant(), lane.backoff.until());
			if (!paused.isNegative() && !paused.isZero()) {
				sleep(paused, deadline);
			}
			else if (lane.tryAcquire()) {
				return true;
			}
			else {
				sleep(lane.untilNextPermit(), deadline);
			}
			if (System.nanoTime() >= deadline) {
				return false;
			}
		}
	}

	/**
	 * The hub throttled a call: every call of the same quota pauses, longer each time.
	 */
	@Override
	public void throttled(HubOperation operation) {
		Lane lane = this.lanes.get(operation.quota());
		Duration pause = lane.backoff.failed(this.clock.instant());
		log.warn("IoT Hub throttled {}; {} calls pause for {} ms", operation.tag(), lane.name, pause.toMillis());
	}

	@Override
	public void succeeded(HubOperation operation) {
		this.lanes.get(operation.quota()).backoff.succeeded();
	}

	/**
	 * Until when calls of this quota wait after throttling ({@link Instant#MIN}: none).
	 */
	public Instant pausedUntil(Quota quota) {
		return this.lanes.get(quota).backoff.until();
	}

	private static void sleep(Duration duration, long deadline) throws InterruptedException {
		long nanos = Math.min(Math.max(duration.toNanos(), 1_000_000), deadline - System.nanoTime());
		if (nanos > 0) {
			Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
		}
	}

	private static final class Lane {

		final String name;

		final RateLimiter limiter;

		final Backoff backoff;

		Lane(String name, int perMinute, HubBudgetProperties properties) {
			this.name = name;
			this.limiter = (perMinute > 0) ? limiter(name, perMinute) : null;
			this.backoff = new Backoff(properties.backoffInitial(), properties.backoffMax(),
					properties.backoffMultiplier(), () -> ThreadLocalRandom.current().nextDouble());
		}

		/**
		 * {@code ceil(perMinute/60)} permits per period of
		 * {@code 60 s × limit / perMinute}: 100/min gives 2 every 1.2 s, 10/min gives 1
		 * every 6 s.
		 */
		private static RateLimiter limiter(String name, int perMinute) {
			int limit = (perMinute + 59) / 60;
			Duration period = Duration.ofNanos(60_000_000_000L * limit / perMinute);
			return RateLimiter.of("hub-" + name,
					RateLimiterConfig.custom()
						.limitForPeriod(limit)
						.limitRefreshPeriod(period)
						.timeoutDuration(Duration.ZERO)
						.build());
		}

		boolean tryAcquire() {
			return this.limiter == null || this.limiter.acquirePermission();
		}

		Duration untilNextPermit() {
			return (this.limiter == null) ? Duration.ZERO
					: Duration.ofNanos(((AtomicRateLimiter) this.limiter).getDetailedMetrics().getNanosToWait());
		}

	}

}
