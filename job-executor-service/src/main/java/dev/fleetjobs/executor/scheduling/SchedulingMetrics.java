package dev.fleetjobs.executor.scheduling;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@code fleetjobs_executor_retries_total{operation,reason}}: every hub call that will be
 * tried again; {@code fleetjobs_executor_commands_total{type,outcome}}: what became of
 * each command; and {@code fleetjobs_executor_command_wait_seconds}: how long commands
 * waited on Kafka before the executor took them up.
 */
@Component
class SchedulingMetrics {

	private final MeterRegistry registry;

	private final Timer commandWait;

	SchedulingMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.commandWait = Timer.builder("fleetjobs.executor.command.wait")
			.description("Time from a command's record timestamp to the executor taking it up")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(5))
			.register(registry);
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

	/**
	 * A command's batch started this long after its record's timestamp (the producer's
	 * send time, unless the topic stamps append time): time in the topic, in the fetch
	 * and behind the partition's previous batch.
	 */
	void waited(Duration wait) {
		this.commandWait.record(wait.isNegative() ? Duration.ZERO : wait);
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
