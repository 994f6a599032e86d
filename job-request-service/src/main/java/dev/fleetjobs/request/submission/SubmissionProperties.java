package dev.fleetjobs.request.submission;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How requests become commands.
 *
 * @param publishTimeout the longest wait for the broker's ack before a REST request gets
 * a 503 (keep it above the producer's delivery.timeout.ms)
 * @param retryAfter the Retry-After of a 503
 * @param ingressTimeout the longest wait for the acks of one Kafka batch before it is
 * retried
 * @param ingressConcurrency consumers of {@code fleetjobs.requests} in this instance
 */
@Validated
@ConfigurationProperties("fleetjobs.submission")
public record SubmissionProperties(@NotNull @DefaultValue("PT6S") Duration publishTimeout,
		@NotNull @DefaultValue("PT5S") Duration retryAfter, @NotNull @DefaultValue("PT30S") Duration ingressTimeout,
		@Positive @DefaultValue("1") int ingressConcurrency) {
}
