package dev.fleetjobs.status.view;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The view of the topics that the read API serves: jobs in memory, device results on
 * disk.
 *
 * @param maxJobs how many jobs it keeps; beyond that, the finished jobs seen longest ago
 * are dropped (unfinished jobs are always kept)
 * @param maxDeviceResults how many device results it keeps in all (on disk, about 100
 * bytes each); beyond that, whole finished jobs are dropped, oldest first
 * @param maxPageSize the largest {@code size} a list request may ask for
 * @param streamTimeout how long an SSE stream stays open without reaching the job's final
 * event
 * @param heartbeat how often an open SSE stream gets a comment line, so proxies keep it
 * @param partitionRefresh how often the view looks for new partitions of its topics
 * @param maxStreams SSE streams this instance holds open at once, from every client; one
 * more is refused with 503
 * @param maxStreamsPerKey SSE streams one client (API key or JWT subject) may hold open
 * at once; one more is refused with 429
 * @param streamRetryAfter the {@code Retry-After} of those refusals
 * @param resultsDirectory where the device results' scratch file goes (a temporary folder
 * when not set); it is deleted when the service stops
 */
@Validated
@ConfigurationProperties("fleetjobs.view")
record ViewProperties(@Positive @DefaultValue("10000") int maxJobs,
		@Positive @DefaultValue("5000000") int maxDeviceResults, @Positive @DefaultValue("500") int maxPageSize,
		@NotNull @DefaultValue("30m") Duration streamTimeout, @NotNull @DefaultValue("15s") Duration heartbeat,
		@NotNull @DefaultValue("5s") Duration partitionRefresh, @Positive @DefaultValue("1000") int maxStreams,
		@Positive @DefaultValue("100") int maxStreamsPerKey, @NotNull @DefaultValue("5s") Duration streamRetryAfter,
		Path resultsDirectory) {
}
