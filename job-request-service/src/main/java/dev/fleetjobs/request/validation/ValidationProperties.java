package dev.fleetjobs.request.validation;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * FleetJobs' own limits on job requests, on top of the hub's fixed ones.
 *
 * @param maxStartTimeInPast how far in the past a start time may be (the hub starts such
 * jobs at once; older ones are most likely mistakes)
 * @param maxStartTimeAhead how far in the future a start time may be
 * @param maxExecutionTime the largest maxExecutionTimeInSeconds accepted
 * @param maxDeviceIds the most device ids one request may list
 * @param maxLabels the most labels one request may carry
 * @param maxRequestBytes the largest serialized request accepted (REST body or Kafka
 * record value); larger ones are refused as {@code TOO_LARGE}
 */
@Validated
@ConfigurationProperties("fleetjobs.validation")
public record ValidationProperties(@NotNull @DefaultValue("PT24H") Duration maxStartTimeInPast,
		@NotNull @DefaultValue("P365D") Duration maxStartTimeAhead,
		@NotNull @DefaultValue("P7D") Duration maxExecutionTime,
		@Positive @Max(5000) @DefaultValue("1000") int maxDeviceIds, @Positive @DefaultValue("32") int maxLabels,
		@Positive @DefaultValue("262144") int maxRequestBytes) {

	/** The defaults, for tests and tools. */
	public static ValidationProperties defaults() {
		return new ValidationProperties(Duration.ofHours(24), Duration.ofDays(365), Duration.ofDays(7), 1000, 32,
				262144);
	}

}
