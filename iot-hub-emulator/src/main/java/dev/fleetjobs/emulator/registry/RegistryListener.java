package dev.fleetjobs.emulator.registry;

/**
 * Told about registry changes, e.g. to create twins or close a disabled device's session.
 */
public interface RegistryListener {

	default void deviceCreated(Device device) {
	}

	default void deviceUpdated(Device device) {
	}

	default void deviceDeleted(String deviceId) {
	}

}
