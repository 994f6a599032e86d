package dev.fleetjobs.emulator.jobs;

/**
 * How method-job device records ({@code SELECT * FROM devices.jobs}) are written: a
 * compatibility switch for the Java service SDK 2.1.9 (iot-hub-protocol.md §1.8).
 */
public enum DeviceRecordStyle {

	/**
	 * The default. A method record with a device answer carries it twice: in
	 * {@code outcome.deviceMethodResponse} as the docs show, and in
	 * {@code cloudToDeviceMethod} as {@code {"status":..,"payload":..}}. Java 2.1.9
	 * throws while parsing a page that has a method record with {@code outcome} but
	 * without {@code cloudToDeviceMethod}, and builds {@code getOutcomeResult()} from
	 * {@code cloudToDeviceMethod}; with this style it parses every page and reports the
	 * device's own status and payload. A method record without an answer has neither
	 * field. Other clients ignore the extra field.
	 */
	JAVA_2_1_9,

	/**
	 * Exactly the documented shape: {@code outcome.deviceMethodResponse} only (null when
	 * the device did not answer). Java 2.1.9 cannot parse method records in this style.
	 */
	DOCS;

	/** {@code java-2.1.9} or {@code docs}. */
	public static DeviceRecordStyle parse(String text) {
		return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "java-2.1.9", "java", "java_2_1_9" -> JAVA_2_1_9;
			case "docs" -> DOCS;
			default -> throw new IllegalArgumentException("A device record style is java-2.1.9 or docs: " + text);
		};
	}

}
