package dev.fleetjobs.simulator.engine;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How devices connect.
 *
 * @param kind {@code sdk}: one official DeviceClient per device; {@code light}: devices
 * multiplexed on a shared event loop (HiveMQ MQTT client)
 * @param transport {@code mqtt-ws} (MQTT over WebSockets on the HTTPS port) or
 * {@code mqtt} (MQTT over TLS; the device SDK always dials 8883)
 * @param connectConcurrency connections opened at the same time
 * @param ioThreads event-loop threads of the light engine; 0 means one per core
 * @param keepAlive MQTT keep-alive
 * @param retryDelay wait before a device whose connect failed tries again
 * @param shutdownTimeout how long a shutdown waits for devices to disconnect
 * @param connect {@code false}: register the shard's devices (with their tags) and
 * connect none, e.g. for twin jobs over a million devices, which need no connection
 */
@Validated
@ConfigurationProperties("fleetjobs.simulator.engine")
public record EngineProperties(@DefaultValue("sdk") @NotNull Kind kind,
		@DefaultValue("mqtt-ws") @NotNull Transport transport,
		@DefaultValue("32") @Min(1) @Max(10_000) int connectConcurrency,
		@DefaultValue("0") @Min(0) @Max(64) int ioThreads, @DefaultValue("230s") @NotNull Duration keepAlive,
		@DefaultValue("10s") @NotNull Duration retryDelay, @DefaultValue("20s") @NotNull Duration shutdownTimeout,
		@DefaultValue("true") boolean connect) {

	/** Engine kinds. */
	public enum Kind {

		SDK, LIGHT

	}

	/** Device transports. */
	public enum Transport {

		MQTT, MQTT_WS

	}

	/** Defaults, for tests and tools. */
	public static EngineProperties of(Kind kind, Transport transport) {
		return new EngineProperties(kind, transport, 32, 0, Duration.ofSeconds(230), Duration.ofSeconds(10),
				Duration.ofSeconds(20), true);
	}

}
