package dev.fleetjobs.status.tracking;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How jobs are polled.
 *
 * @param tick how often the poller looks for jobs that are due
 * @param cadence poll intervals by the job's age (since the hub started it): each step
 * applies from {@code after} on, so young jobs are polled more often than old ones
 * @param scheduledInterval the longest pause between polls of a job that waits for a
 * future start time (it is polled at its start time)
 * @param listThreshold how many due running jobs make one job-list call cheaper than one
 * GET per job
 * @param listPageSize the page size of the job-list call (only its first page is read)
 * @param lifecycleTimeout how long the lifecycle listener waits for the tracker before it
 * lets the record be retried
 * @param finishedMemory how many finished jobs (ids and last sequence) are remembered to
 * ignore redelivered lifecycle events
 * @param notFoundLimit after how many "not found" answers in a row a job is reported
 * {@code FAILED}
 */
@Validated
@ConfigurationProperties("fleetjobs.tracking")
record TrackingProperties(@NotNull @DefaultValue("100ms") Duration tick, @Valid @NotEmpty List<Step> cadence,
		@NotNull @DefaultValue("60s") Duration scheduledInterval, @Min(1) @DefaultValue("2") int listThreshold,
		@Positive @DefaultValue("100") int listPageSize, @NotNull @DefaultValue("30s") Duration lifecycleTimeout,
		@Positive @DefaultValue("100000") int finishedMemory, @Positive @DefaultValue("3") int notFoundLimit) {

	/**
	 * One cadence step.
	 *
	 * @param after the job age from which it applies
	 * @param every the poll interval
	 */
	record Step(@NotNull Duration after, @NotNull Duration every) {
	}

}
