package dev.fleetjobs.status.system;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topics this service writes, and its transactional producer.
 *
 * @param partitions partitions of each topic it declares (the DLT as many as the
 * lifecycle topic should have)
 * @param replicationFactor replicas of each topic
 * @param deviceResultsRetention how long {@code fleetjobs.device-results} keeps records
 * @param transactionIdPrefix the transactional id prefix of this instance; distinct per
 * instance (a stable value per pod lets a restarted instance fence its predecessor)
 * @param transactionTimeout how long the broker waits for an open transaction of a dead
 * instance before it aborts it (read_committed consumers wait that long)
 * @param resultsTransactionTimeout the same for the transactions that stream a job's
 * device results from the hub (a million of them take about half a minute)
 */
@Validated
@ConfigurationProperties("fleetjobs.topics")
record TopicsProperties(@Positive @DefaultValue("12") int partitions,
		@Positive @DefaultValue("1") short replicationFactor,
		@NotNull @DefaultValue("P30D") Duration deviceResultsRetention, @NotBlank String transactionIdPrefix,
		@NotNull @DefaultValue("15s") Duration transactionTimeout,
		@NotNull @DefaultValue("2m") Duration resultsTransactionTimeout) {
}
