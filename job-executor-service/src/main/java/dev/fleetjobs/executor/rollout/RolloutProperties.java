package dev.fleetjobs.executor.rollout;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the executor runs rollouts.
 *
 * @param maxWaveSize the most devices in one wave's hub job (its
 * {@code deviceId IN [...]} list); a slot that allows more starts several waves
 * @param targetPageSize devices per page when the targets are selected
 * ({@code SELECT deviceId FROM devices WHERE ...})
 * @param tick the longest the engine waits for feedback before it looks at the clock
 * again (wave slots, retries, windows, end times)
 * @param retryInterval the wait before a hub call that failed transiently (a target
 * query, a wave cancel) is tried again
 * @param handoverTimeout how long a rebalance waits for the engine to load or let go of a
 * partition's rollouts
 */
@Validated
@ConfigurationProperties("fleetjobs.rollout")
public record RolloutProperties(@Positive @Max(10_000) @DefaultValue("1000") int maxWaveSize,
		@Positive @Max(10_000) @DefaultValue("1000") int targetPageSize, @NotNull @DefaultValue("100ms") Duration tick,
		@NotNull @DefaultValue("1s") Duration retryInterval, @NotNull @DefaultValue("60s") Duration handoverTimeout) {
}
