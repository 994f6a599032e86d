package dev.fleetjobs.launcher.stack;

/**
 * The ports of a local run. The defaults leave the hub's privileged port 443 alone: the
 * emulator serves REST and MQTT over WebSockets on 8443 and MQTT over TLS on 8883.
 */
public record StackPorts(int kafka, int kafkaController, int emulatorHttps, int emulatorMqtt, int emulatorAdmin,
		int requestService, int executorService, int statusService, int simulator) {

	public static final StackPorts DEFAULTS = new StackPorts(9092, 9093, 8443, 8883, 8089, 8081, 8082, 8083, 8084);

	/** Every port shifted by the offset, so that two runs can live side by side. */
	public StackPorts offset(int offset) {
		return new StackPorts(this.kafka + offset, this.kafkaController + offset, this.emulatorHttps + offset,
				this.emulatorMqtt + offset, this.emulatorAdmin + offset, this.requestService + offset,
				this.executorService + offset, this.statusService + offset, this.simulator + offset);
	}

}
