package dev.fleetjobs.executor.scheduling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code fleetjobs_executor_retries_total{operation,reason}}: every hub call that will be
 * tried again, and {@code fleetjobs_executor_commands_total{type,outcome}}: what became
 * of each command.
 */
@Component
class SchedulingMetrics {

	private final MeterRegistry registry;

	SchedulingMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** A hub call failed and will be tried again. */
	void retry(String operation, String reason) {
		Counter.builder("fleetjobs.executor.retries")
			.description("Hub calls that failed transiently and will be tried again")
			.tag("operation", operation)
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	/** A command was handled, e.g. {@code schedule}/{@code submitted}. */
	void command(String type, String outcome) {
		Counter.builder("fleetjobs.executor.commands")
			.description("Commands handled, by what became of them")
			.tag("type", type)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

}
