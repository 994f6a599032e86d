package dev.fleetjobs.contracts.command;

/** The two kinds of IoT Hub scheduled jobs. */
public enum JobType {

	/** IoT Hub {@code scheduleDeviceMethod}. */
	DEVICE_METHOD("scheduleDeviceMethod"),

	/** IoT Hub {@code scheduleUpdateTwin}. */
	TWIN_UPDATE("scheduleUpdateTwin");

	private final String hubName;

	JobType(String hubName) {
		this.hubName = hubName;
	}

	/** The job type as IoT Hub's REST API spells it. */
	public String hubName() {
		return this.hubName;
	}

	/** The job type for IoT Hub's spelling, e.g. {@code scheduleUpdateTwin}. */
	public static JobType fromHubName(String hubName) {
		for (JobType type : values()) {
			if (type.hubName.equals(hubName)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown IoT Hub job type: " + hubName);
	}

}
