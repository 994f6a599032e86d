package dev.fleetjobs.emulator.jobs;

import java.util.Locale;

/**
 * A job's status, spelled as the REST enum the SDK parsers accept (iot-hub-protocol.md
 * §1.7): {@code queued} right after create, {@code scheduled} until a future start,
 * {@code running}, then {@code completed}, {@code failed} or {@code cancelled}.
 */
public enum JobStatus {

	QUEUED, SCHEDULED, RUNNING, COMPLETED, FAILED, CANCELLED;

	/** The status as the hub writes it, e.g. {@code cancelled}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean isTerminal() {
		return this == COMPLETED || this == FAILED || this == CANCELLED;
	}

	/** Whether the job counts against the tier's concurrent-job quota. */
	public boolean isActive() {
		return !isTerminal();
	}

	/**
	 * The status for a list filter: the REST names, plus Node's {@code finished} (any
	 * terminal status) and {@code enqueued}; null for an unknown name.
	 */
	static JobStatus[] fromFilter(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "queued", "enqueued" -> new JobStatus[] { QUEUED };
			case "scheduled" -> new JobStatus[] { SCHEDULED };
			case "running" -> new JobStatus[] { RUNNING };
			case "completed" -> new JobStatus[] { COMPLETED };
			case "failed" -> new JobStatus[] { FAILED };
			case "cancelled" -> new JobStatus[] { CANCELLED };
			case "finished" -> new JobStatus[] { COMPLETED, FAILED, CANCELLED };
			case "unknown" -> new JobStatus[0];
			default -> null;
		};
	}

}
