package dev.fleetjobs.emulator.jobs;

import java.util.Locale;

/** A device's status within a job, as {@code devices.jobs} records spell it. */
enum DeviceStatus {

	/** Not started yet (the record says {@code queued}). */
	QUEUED,

	/** The method call or twin update is in flight. */
	RUNNING,

	COMPLETED, FAILED, CANCELLED;

	String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	boolean isFinal() {
		return this == COMPLETED || this == FAILED || this == CANCELLED;
	}

}
