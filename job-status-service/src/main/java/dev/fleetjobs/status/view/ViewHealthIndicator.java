package dev.fleetjobs.status.view;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The read side's health, for the readiness group: up while the view follows the topics
 * (details: partitions followed, jobs held).
 */
@Component("jobView")
class ViewHealthIndicator extends AbstractHealthIndicator {

	private final TopicFollower follower;

	private final JobViewStore store;

	ViewHealthIndicator(TopicFollower follower, JobViewStore store) {
		super("Job view health check failed");
		this.follower = follower;
		this.store = store;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		(this.follower.following() ? builder.up() : builder.down()).withDetail("partitions", this.follower.partitions())
			.withDetail("jobs", this.store.size());
	}

}
