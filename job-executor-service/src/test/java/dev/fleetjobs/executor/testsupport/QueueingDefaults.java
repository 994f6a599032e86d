package dev.fleetjobs.executor.testsupport;

import java.time.Duration;

import dev.fleetjobs.executor.queueing.QueueingProperties;

/** The queue settings of {@code application.yml}, for unit tests. */
public final class QueueingDefaults {

	private QueueingDefaults() {
	}

	public static QueueingProperties properties() {
		return new QueueingProperties(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(24),
				Duration.ofMillis(500), Duration.ofSeconds(5), 3, 2.0, 0.5, 0);
	}

}
