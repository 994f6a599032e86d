package dev.fleetjobs.request.idempotency;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The request-id index that is rebuilt from {@code fleetjobs.commands}.
 *
 * @param readyTimeout how long a request with a request id waits for the index to finish
 * reading the topic at start before it gets a 503
 * @param pollTimeout the reader's poll timeout
 */
@Validated
@ConfigurationProperties("fleetjobs.idempotency")
record IdempotencyProperties(@NotNull @DefaultValue("PT5S") Duration readyTimeout,
		@NotNull @DefaultValue("PT0.5S") Duration pollTimeout) {
}
