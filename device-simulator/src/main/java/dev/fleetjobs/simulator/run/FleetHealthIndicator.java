package dev.fleetjobs.simulator.run;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code fleet} health: UP once the fleet runs (with devices connected and expected), OUT
 * OF SERVICE while it provisions and connects, DOWN when starting failed (it retries).
 */
class FleetHealthIndicator implements HealthIndicator {

	private final FleetRunner runner;

	FleetHealthIndicator(FleetRunner runner) {
		this.runner = runner;
	}

	@Override
	public Health health() {
		FleetRunner.FleetStatus status = this.runner.status();
		Health.Builder health = switch (status.phase()) {
			case RUNNING, REGISTERED -> Health.up();
			case FAILED, STOPPED -> Health.down();
			default -> Health.status(Status.OUT_OF_SERVICE);
		};
		health.withDetail("phase", status.phase().name().toLowerCase(java.util.Locale.ROOT))
			.withDetail("shard", status.shard().toString())
			.withDetail("connected", status.connected())
			.withDetail("expected", status.expected())
			.withDetail("devices", status.devices())
			.withDetail("offlineByFaultPlan", status.devices() - status.expected());
		if (status.failure() != null) {
			health.withDetail("failure", status.failure());
		}
		return health.build();
	}

}
