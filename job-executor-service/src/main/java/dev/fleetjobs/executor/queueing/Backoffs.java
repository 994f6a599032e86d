package dev.fleetjobs.executor.queueing;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** {@code fleetjobs_executor_backoff_seconds{reason}}: every wait chosen before a try. */
final class Backoffs {

	private Backoffs() {
	}

	static void record(MeterRegistry registry, String reason, Duration wait) {
		Timer.builder("fleetjobs.executor.backoff")
			.description("Waits chosen before trying a job again, by reason")
			.tag("reason", reason)
			.register(registry)
			.record(wait);
	}

}
