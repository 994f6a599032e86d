package dev.fleetjobs.emulator.jobs;

/** The two kinds of scheduled job, with the names the hub uses on the wire. */
public enum JobType {

	/** Invokes a direct method on every selected device. */
	DEVICE_METHOD("scheduleDeviceMethod"),

	/** Applies tags and desired properties to every selected twin. */
	UPDATE_TWIN("scheduleUpdateTwin");

	private final String wireName;

	JobType(String wireName) {
		this.wireName = wireName;
	}

	/** {@code scheduleDeviceMethod} or {@code scheduleUpdateTwin}. */
	public String wireName() {
		return this.wireName;
	}

	/** The type for its wire name (exact case), or null. */
	public static JobType fromWire(String name) {
		for (JobType type : values()) {
			if (type.wireName.equals(name)) {
				return type;
			}
		}
		return null;
	}

}
