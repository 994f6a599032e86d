package dev.fleetjobs.emulator.admin;

import dev.fleetjobs.emulator.faults.CallCounters;
import dev.fleetjobs.emulator.faults.FaultInjector;
import dev.fleetjobs.emulator.throttling.TierProfile;

/**
 * Port: the controls that tests of other services need and the hub does not have: the
 * tier profile, injected faults, call counters and dropping device connections.
 */
public interface AdminApi {

	/** The tier profile whose quotas are in force. */
	TierProfile tier();

	/** Switches the tier profile while the emulator runs, e.g. to S1 for one test. */
	void tier(TierProfile profile);

	/** Faults to inject into REST operations (429, 503, delays). */
	FaultInjector faults();

	/** How many authenticated calls each REST operation got (e.g. {@code jobs.get}). */
	CallCounters calls();

	/** Drops a device's MQTT connection; false when it is not connected. */
	boolean disconnect(String deviceId);

	/** Drops every device's MQTT connection; returns how many were connected. */
	int disconnectAllDevices();

}
