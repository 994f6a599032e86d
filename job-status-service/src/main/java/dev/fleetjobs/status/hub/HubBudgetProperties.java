package dev.fleetjobs.status.hub;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The share of the hub's quotas this service may use, per instance. The defaults leave
 * room on an S1 hub (100 job operations and 20 queries per minute per unit) for
 * job-executor-service and other clients.
 *
 * @param jobOperationsPerMinute job list and get calls per minute; 0 means no limit
 * @param queriesPerMinute {@code devices.jobs} query pages per minute; 0 means no limit
 * @param backoffInitial the pause after a first 429 (or 503) of a kind of call
 * @param backoffMax the longest pause
 * @param backoffMultiplier how much the pause grows with each further 429
 */
@Validated
@ConfigurationProperties("fleetjobs.hub-budget")
record HubBudgetProperties(@PositiveOrZero @DefaultValue("60") int jobOperationsPerMinute,
		@PositiveOrZero @DefaultValue("10") int queriesPerMinute, @NotNull @DefaultValue("1s") Duration backoffInitial,
		@NotNull @DefaultValue("60s") Duration backoffMax,
		@DecimalMin("1.0") @DefaultValue("2.0") double backoffMultiplier) {
}
