package dev.fleetjobs.request.idempotency;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Out of service until the request-id index has read {@code fleetjobs.commands} up to
 * where it ended at start. Part of the readiness group.
 */
@Component("idempotencyIndex")
class IndexHealthIndicator implements HealthIndicator {

	private final RequestIndex index;

	IndexHealthIndicator(RequestIndex index) {
		this.index = index;
	}

	@Override
	public Health health() {
		Health.Builder builder = this.index.isReady() ? Health.up() : Health.outOfService();
		return builder.withDetail("jobs", this.index.size()).build();
	}

}
