package dev.fleetjobs.emulator.registry;

import java.util.List;

/**
 * What a caller asks for when it creates or updates a device. Keys may be null or empty:
 * the registry then generates them (create) or keeps them (update). Scopes may be null
 * (none).
 */
public record DeviceSpec(String deviceId, DeviceStatus status, String statusReason, String primaryKey,
		String secondaryKey, boolean iotEdge, String deviceScope, List<String> parentScopes) {

	public DeviceSpec(String deviceId, DeviceStatus status, String statusReason, String primaryKey, String secondaryKey,
			boolean iotEdge) {
		this(deviceId, status, statusReason, primaryKey, secondaryKey, iotEdge, null, null);
	}

	public static DeviceSpec of(String deviceId) {
		return new DeviceSpec(deviceId, DeviceStatus.ENABLED, null, null, null, false);
	}

	@Override
	public String toString() {
		return "DeviceSpec[deviceId=" + this.deviceId + ", status=" + this.status + ", keys=***]";
	}

}
