package dev.fleetjobs.emulator.twins;

import tools.jackson.databind.node.ObjectNode;

/** Port: told when a twin's desired properties change, to notify the connected device. */
public interface DesiredPropertyListener {

	/**
	 * @param deviceId the device
	 * @param patch the change, with null for removed properties and the new
	 * {@code $version}
	 * @param version the new desired {@code $version}
	 */
	void desiredChanged(String deviceId, ObjectNode patch, long version);

}
