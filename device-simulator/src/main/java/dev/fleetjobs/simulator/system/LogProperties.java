package dev.fleetjobs.simulator.system;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Logging that never floods.
 *
 * @param linesPerSecond lines each logger may write per second (read by logback's
 * {@link LogSampler}); the rest are counted
 * @param summaryInterval how often one summary line reports the fleet and the suppressed
 * lines
 */
@Validated
@ConfigurationProperties("fleetjobs.simulator.log")
record LogProperties(@DefaultValue("20") @Min(0) int linesPerSecond,
		@DefaultValue("30s") @NotNull Duration summaryInterval) {

}
