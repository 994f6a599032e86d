package dev.fleetjobs.status.results;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How device results are collected.
 *
 * @param pageSize device records per {@code devices.jobs} query page (each page is one
 * query against the hub's quota)
 * @param settleTimeout how long to wait for the hub's device records to match the job's
 * final statistics (a real hub's query results may lag); then what is there is published
 * @param retryInterval the pause before querying again (records not settled, or a failed
 * call)
 * @param earlyReads whether the records of running jobs are read while they run (only the
 * ones updated since the last read, and only with query permits to spare), so that little
 * is left to read when a job ends
 * @param earlyReadInterval at most one early read per job this often
 * @param earlyReadMaxDevices jobs of more devices are not read early (what an early read
 * gathered is held until the job ends); their results stream from the hub to Kafka page
 * by page when they end, so the memory stays that of a page whatever the job's size
 */
@Validated
@ConfigurationProperties("fleetjobs.results")
record ResultsProperties(@Positive @Max(10000) @DefaultValue("1000") int pageSize,
		@NotNull @DefaultValue("2m") Duration settleTimeout, @NotNull @DefaultValue("2s") Duration retryInterval,
		@DefaultValue("true") boolean earlyReads, @NotNull @DefaultValue("500ms") Duration earlyReadInterval,
		@PositiveOrZero @DefaultValue("50000") int earlyReadMaxDevices) {
}
