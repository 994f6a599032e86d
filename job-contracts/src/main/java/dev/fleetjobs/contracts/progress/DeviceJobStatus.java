package dev.fleetjobs.contracts.progress;

import java.util.Locale;

/** A device's status within a job, from the hub's {@code devices.jobs} records. */
public enum DeviceJobStatus {

	PENDING, SCHEDULED, RUNNING, COMPLETED, FAILED, CANCELLED;

	/** Whether the device's part of the job is over. */
	public boolean isTerminal() {
		return this == COMPLETED || this == FAILED || this == CANCELLED;
	}

	/** The status for the hub's spelling, e.g. {@code completed}. */
	public static DeviceJobStatus fromHub(String hubStatus) {
		return switch (hubStatus.toLowerCase(Locale.ROOT)) {
			case "pending", "queued", "enqueued", "unknown" -> PENDING;
			case "scheduled" -> SCHEDULED;
			case "running" -> RUNNING;
			case "completed" -> COMPLETED;
			case "failed" -> FAILED;
			case "cancelled", "canceled" -> CANCELLED;
			default -> throw new IllegalArgumentException("Unknown IoT Hub device job status: " + hubStatus);
		};
	}

}
