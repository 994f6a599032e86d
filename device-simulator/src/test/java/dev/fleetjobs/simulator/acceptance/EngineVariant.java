package dev.fleetjobs.simulator.acceptance;

import dev.fleetjobs.simulator.engine.EngineProperties;
import dev.fleetjobs.simulator.engine.EngineProperties.Kind;
import dev.fleetjobs.simulator.engine.EngineProperties.Transport;

/**
 * The engine and transport combinations the behaviour tests run. The device SDK's MQTT
 * over TLS always dials 8883, which an embedded emulator on ephemeral ports cannot offer,
 * so the SDK engine runs over MQTT_WS (the documented way for non-default ports).
 */
enum EngineVariant {

	SDK_MQTT_WS(Kind.SDK, Transport.MQTT_WS), LIGHT_MQTT(Kind.LIGHT, Transport.MQTT),
	LIGHT_MQTT_WS(Kind.LIGHT, Transport.MQTT_WS);

	private final Kind kind;

	private final Transport transport;

	EngineVariant(Kind kind, Transport transport) {
		this.kind = kind;
		this.transport = transport;
	}

	EngineProperties properties() {
		return EngineProperties.of(this.kind, this.transport);
	}

	/** A device-id prefix unique to this variant and a test class. */
	String prefix(String test) {
		return test + "-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
