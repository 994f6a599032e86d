package dev.fleetjobs.executor.queueing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The queue's gauges: {@code fleetjobs_executor_queued_jobs} and
 * {@code fleetjobs_executor_oldest_queued_seconds}. (The waits it chooses are
 * {@code fleetjobs_executor_backoff_seconds{reason}}, recorded by the room.)
 */
@Component
class QueueMetrics {

	QueueMetrics(MeterRegistry registry, WaitingRoom room, Clock clock) {
		Gauge.builder("fleetjobs.executor.queued.jobs", room, WaitingRoom::size)
			.description("Commands waiting in this instance for the hub (job quota, throttling or a retry)")
			.register(registry);
		Gauge.builder("fleetjobs.executor.oldest.queued", room, (waiting) -> age(waiting.oldestQueuedAt(), clock))
			.description("How long the oldest waiting command has waited")
			.baseUnit("seconds")
			.register(registry);
	}

	private static double age(Instant queuedAt, Clock clock) {
		return (queuedAt != null) ? Duration.between(queuedAt, clock.instant()).toMillis() / 1000.0 : 0.0;
	}

}
