package dev.fleetjobs.emulator.throttling;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.emulator.errors.IotHubErrors;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

/**
 * The active tier profile's quotas, as rate limiters (resilience4j): job operations and
 * queries per minute answer the hub's 429 when spent; job device operations per second
 * pace the jobs engine instead (no device fails for it). The profile can be switched
 * while the emulator runs; the new limits start with a full allowance.
 */
public final class Quotas {

	private static final Logger log = LoggerFactory.getLogger(Quotas.class);

	private volatile Limits limits;

	public Quotas(TierProfile profile) {
		this.limits = new Limits(profile);
	}

	public TierProfile profile() {
		return this.limits.profile;
	}

	/** Switches to another profile at once. */
	public void profile(TierProfile profile) {
		this.limits = new Limits(profile);
		log.info("IoT Hub emulator tier profile is now {}", profile);
	}

	/** Counts a job operation (create, cancel, list); the hub's 429 when over quota. */
	public void checkJobOperation() {
		check(this.limits.jobOperations, "job operations", this.limits.profile.jobOperationsPerMinute());
	}

	/** Counts a query; the hub's 429 when over quota. */
	public void checkQuery() {
		check(this.limits.queries, "queries", this.limits.profile.queriesPerMinute());
	}

	public int maxConcurrentJobs() {
		return this.limits.profile.maxConcurrentJobs();
	}

	/**
	 * Takes up to {@code wanted} job device operations; returns how many were granted.
	 */
	public int acquireDeviceOperations(int wanted) {
		RateLimiter limiter = this.limits.deviceOperations;
		if (limiter == null) {
			return wanted;
		}
		int granted = 0;
		while (granted < wanted && limiter.acquirePermission()) {
			granted++;
		}
		return granted;
	}

	/** How long until the next job device operation may start. */
	public Duration untilNextDeviceOperation() {
		RateLimiter limiter = this.limits.deviceOperations;
		if (limiter == null) {
			return Duration.ZERO;
		}
		long nanos = ((AtomicRateLimiter) limiter).getDetailedMetrics().getNanosToWait();
		return Duration.ofNanos(Math.max(nanos, 1_000_000));
	}

	private void check(RateLimiter limiter, String what, int perMinute) {
		if (limiter != null && !limiter.acquirePermission()) {
			throw IotHubErrors.throttled("The " + what + " quota of the " + this.limits.profile + " tier (" + perMinute
					+ " per minute) is used up; retry later.");
		}
	}

	private static final class Limits {

		final TierProfile profile;

		final RateLimiter jobOperations;

		final RateLimiter queries;

		final RateLimiter deviceOperations;

		Limits(TierProfile profile) {
			this.profile = profile;
			boolean limited = !profile.unlimited();
			this.jobOperations = limited ? limiter("jobs", profile.jobOperationsPerMinute(), Duration.ofMinutes(1))
					: null;
			this.queries = limited ? limiter("queries", profile.queriesPerMinute(), Duration.ofMinutes(1)) : null;
			this.deviceOperations = limited
					? limiter("job-devices", profile.jobDeviceOperationsPerSecond(), Duration.ofSeconds(1)) : null;
		}

		private static RateLimiter limiter(String name, int limit, Duration period) {
			return RateLimiter.of(name,
					RateLimiterConfig.custom()
						.limitForPeriod(limit)
						.limitRefreshPeriod(period)
						.timeoutDuration(Duration.ZERO)
						.build());
		}

	}

}
