package dev.fleetjobs.launcher.stack;

import java.util.List;

/**
 * The ports of a local run. The defaults leave the hub's privileged port 443 alone: the
 * emulator serves REST and MQTT over WebSockets on 8443 and MQTT over TLS on 8883. The
 * request and status services serve their APIs on one port and health and metrics on a
 * management port of its own (API port + 10), which a flood of the API never reaches; the
 * executor and the simulator have no API, only actuator, on their one port.
 */
public record StackPorts(int kafka, int kafkaController, int emulatorHttps, int emulatorMqtt, int emulatorAdmin,
		int requestService, int executorService, int statusService, int simulator, int requestManagement,
		int statusManagement) {

	public static final StackPorts DEFAULTS = new StackPorts(9092, 9093, 8443, 8883, 8089, 8081, 8082, 8083, 8084, 8091,
			8093);

	/** Every port shifted by the offset, so that two runs can live side by side. */
	public StackPorts offset(int offset) {
		return new StackPorts(this.kafka + offset, this.kafkaController + offset, this.emulatorHttps + offset,
				this.emulatorMqtt + offset, this.emulatorAdmin + offset, this.requestService + offset,
				this.executorService + offset, this.statusService + offset, this.simulator + offset,
				this.requestManagement + offset, this.statusManagement + offset);
	}

	/**
	 * Where each service's actuator answers (health, info, Prometheus): request,
	 * executor, status, simulator.
	 */
	public List<Integer> actuatorPorts() {
		return List.of(this.requestManagement, this.executorService, this.statusManagement, this.simulator);
	}

	/** Every port of the run. */
	public List<Integer> all() {
		return List.of(this.kafka, this.kafkaController, this.emulatorHttps, this.emulatorMqtt, this.emulatorAdmin,
				this.requestService, this.executorService, this.statusService, this.simulator, this.requestManagement,
				this.statusManagement);
	}

}
