package dev.fleetjobs.executor.system;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topics this service declares ({@code fleetjobs.lifecycle} and
 * {@code fleetjobs.commands.dlt}).
 *
 * @param partitions partitions of each; must equal those of {@code fleetjobs.commands} (a
 * job's commands and events share the partition number)
 * @param replicationFactor replicas of each
 */
@Validated
@ConfigurationProperties("fleetjobs.topics")
record TopicsProperties(@Positive @DefaultValue("12") int partitions,
		@Positive @DefaultValue("1") short replicationFactor) {
}
