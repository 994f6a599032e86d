package dev.fleetjobs.support.web;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The limits of a service's API port ({@code server.port}; the management port keeps
 * Tomcat's defaults and its own listener). They replace {@code server.tomcat.*} for that
 * port.
 *
 * @param headerReadTimeout how long a connection may stay silent while its request line
 * and headers (or a body) are read before it is closed: Tomcat's
 * {@code connectionTimeout}, which is also the write timeout
 * @param keepAliveTimeout how long an idle kept-alive connection waits for its next
 * request
 * @param maxConnections the connections the port holds at once, from every client; one
 * more is accepted only to be answered 503 and closed
 * @param maxConnectionsPerAddress the connections one client address may hold at once;
 * one more is answered 429 and closed ({@code 0}: no per-address cap)
 * @param acceptCount connections the operating system queues while the acceptor is busy
 * @param retryAfter the {@code Retry-After} of those refusals
 */
@Validated
@ConfigurationProperties("fleetjobs.http")
public record ConnectionLimitsProperties(@NotNull @DefaultValue("5s") Duration headerReadTimeout,
		@NotNull @DefaultValue("20s") Duration keepAliveTimeout, @Positive @DefaultValue("8192") int maxConnections,
		@PositiveOrZero @DefaultValue("256") int maxConnectionsPerAddress,
		@PositiveOrZero @DefaultValue("100") int acceptCount, @NotNull @DefaultValue("5s") Duration retryAfter) {

}
