package dev.fleetjobs.request.system;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topics this service declares.
 *
 * @param partitions partitions of each topic (the DLT gets as many as its source)
 * @param replicationFactor replicas of each topic
 * @param commandsRetention how long {@code fleetjobs.commands} keeps records; it bounds
 * how long a request id is remembered
 */
@Validated
@ConfigurationProperties("fleetjobs.topics")
record TopicsProperties(@Positive @DefaultValue("12") int partitions,
		@Positive @DefaultValue("1") short replicationFactor,
		@NotNull @DefaultValue("P7D") Duration commandsRetention) {
}
