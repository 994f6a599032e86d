package dev.fleetjobs.contracts.progress;

import java.util.Locale;

/** A job's status as FleetJobs reports it. */
public enum JobStatus {

	/** Waiting in job-executor-service for the hub's concurrent-job quota. */
	QUEUED,

	/**
	 * On the hub, not started yet (the hub says {@code queued}, {@code enqueued} or
	 * {@code scheduled}).
	 */
	SCHEDULED,

	/** The hub is running it on the devices. */
	RUNNING,

	/** Every device was processed (some may have failed) or the deadline passed. */
	COMPLETED,

	/** The hub failed the job as a whole; see the failure reason. */
	FAILED,

	/** Cancelled, on the hub or while queued. */
	CANCELLED,

	/** Refused by the hub or by FleetJobs; it never ran. */
	REJECTED;

	/** Whether no further change will follow. */
	public boolean isTerminal() {
		return this == COMPLETED || this == FAILED || this == CANCELLED || this == REJECTED;
	}

	/**
	 * The status for an IoT Hub job status ({@code queued, enqueued, scheduled, running,
	 * completed, failed, cancelled, unknown}).
	 */
	public static JobStatus fromHub(String hubStatus) {
		return switch (hubStatus.toLowerCase(Locale.ROOT)) {
			case "queued", "enqueued", "scheduled", "unknown" -> SCHEDULED;
			case "running" -> RUNNING;
			case "completed" -> COMPLETED;
			case "failed" -> FAILED;
			case "cancelled", "canceled" -> CANCELLED;
			default -> throw new IllegalArgumentException("Unknown IoT Hub job status: " + hubStatus);
		};
	}

}
