package dev.fleetjobs.simulator.provisioning;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The hub's identity registry and twin tags, as provisioning needs them (a port). */
interface DeviceRegistry {

	/** Creates up to 100 devices in one call; returns the ids that already existed. */
	Set<String> createAll(List<NewDevice> devices);

	/** The primary key of an existing device. */
	String primaryKey(String deviceId);

	/** The current tags of these devices (at most 100), by device id. */
	Map<String, Map<String, Object>> tags(List<String> deviceIds);

	/** Merges tags into a device's twin. */
	void patchTags(String deviceId, Map<String, Object> tags);

	/** A device to create, with its keys and tags. */
	record NewDevice(String deviceId, String primaryKey, String secondaryKey, Map<String, Object> tags) {

		@Override
		public String toString() {
			return "NewDevice[" + this.deviceId + ", keys=(hidden), tags=" + this.tags + "]";
		}

	}

}
