package dev.fleetjobs.executor.queueing;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.validation.annotation.Validated;

/**
 * How long commands wait before the next try.
 *
 * @param retryInitialInterval first wait after a transient failure (5xx, I/O)
 * @param retryMaxInterval the longest wait between two tries of one job
 * @param retryGiveUpAfter after about this much waiting the job is rejected
 * ({@code RETRIES_EXHAUSTED}) and dead-lettered
 * @param quotaProbeInitialInterval first wait after the hub refused a job with 429 (its
 * job quota is full or job creation is throttled); then the oldest waiting job is tried
 * @param quotaProbeMaxInterval the longest wait between two such tries, i.e. how late at
 * most a freed slot is noticed (each try is one job operation on the hub's quota)
 * @param hubFailuresBeforePause transient failures (5xx, I/O) in a row, over all jobs,
 * after which the queue pauses as for a 429 and only the oldest job probes the hub
 * @param multiplier growth of the waits
 * @param jitter random spread of each wait, as a fraction of the initial interval
 * @param hubMaxActiveJobs the hub's concurrent-job quota when known (S1: 1), so that a
 * job over it is queued without a create call the hub would refuse; 0 = not known (the
 * hub's 429 tells)
 */
@Validated
@ConfigurationProperties("fleetjobs.queueing")
public record QueueingProperties(@NotNull @DefaultValue("1s") Duration retryInitialInterval,
		@NotNull @DefaultValue("30s") Duration retryMaxInterval,
		@NotNull @DefaultValue("24h") Duration retryGiveUpAfter,
		@NotNull @DefaultValue("500ms") Duration quotaProbeInitialInterval,
		@NotNull @DefaultValue("5s") Duration quotaProbeMaxInterval,
		@Positive @DefaultValue("3") int hubFailuresBeforePause,
		@DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
		@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5") double jitter,
		@PositiveOrZero @DefaultValue("0") int hubMaxActiveJobs) {

	BackOff retryBackOff() {
		ExponentialBackOff backOff = backOff(this.retryInitialInterval, this.retryMaxInterval);
		backOff.setMaxElapsedTime(this.retryGiveUpAfter.toMillis());
		return backOff;
	}

	BackOff quotaProbeBackOff() {
		return backOff(this.quotaProbeInitialInterval, this.quotaProbeMaxInterval);
	}

	private ExponentialBackOff backOff(Duration initial, Duration max) {
		ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), this.multiplier);
		backOff.setMaxInterval(max.toMillis());
		backOff.setJitter((long) (initial.toMillis() * this.jitter));
		return backOff;
	}

}
