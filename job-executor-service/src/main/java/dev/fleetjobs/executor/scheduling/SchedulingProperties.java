package dev.fleetjobs.executor.scheduling;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How commands are consumed.
 *
 * @param listenerConcurrency consumers of {@code fleetjobs.commands} in this instance
 * (more than its partitions would idle)
 * @param hubCallConcurrency hub creates of one batch that may run at once (the new jobs
 * of a batch go to the hub together; events are still published in command order)
 */
@Validated
@ConfigurationProperties("fleetjobs.scheduling")
record SchedulingProperties(@Min(1) @DefaultValue("3") int listenerConcurrency,
		@Min(1) @Max(64) @DefaultValue("8") int hubCallConcurrency) {
}
