package dev.fleetjobs.launcher.chaos;

import java.util.Locale;

/** The faults the chaos scenario injects, each at least once per round. */
public enum FaultKind {

	/** {@code kill -9} of job-request-service, then a restart. */
	KILL_REQUEST("job-request-service"),

	/** {@code kill -9} of job-executor-service, then a restart. */
	KILL_EXECUTOR("job-executor-service"),

	/** {@code kill -9} of job-status-service, then a restart. */
	KILL_STATUS("job-status-service"),

	/** {@code kill -9} of the device simulator, then a restart. */
	KILL_SIMULATOR("device-simulator"),

	/** A graceful stop of the Kafka broker and a start on the same data. */
	KAFKA_RESTART("kafka"),

	/**
	 * {@code kill -9} of one broker of a three-broker quorum (the others keep a majority
	 * and every partition's in-sync replicas), then a restart on the same data.
	 */
	KILL_BROKER("kafka-2"),

	/**
	 * The hub answers a seeded fraction of job and query calls with 429 or 503 for a
	 * while.
	 */
	HUB_STORM(null),

	/**
	 * {@code kill -9} of the IoT Hub emulator mid-job, and a restart on the same data.
	 */
	EMULATOR_CRASH("iot-hub-emulator"),

	/** Every device's MQTT connection dropped at once (the devices reconnect). */
	DEVICE_DISCONNECT(null);

	private final String process;

	FaultKind(String process) {
		this.process = process;
	}

	/** The local run's process this fault stops, or {@code null}. */
	public String process() {
		return this.process;
	}

	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** A kind from its label ({@code kill-request}) or name. */
	public static FaultKind parse(String text) {
		return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
