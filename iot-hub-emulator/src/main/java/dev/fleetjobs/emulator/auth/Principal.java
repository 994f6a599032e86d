package dev.fleetjobs.emulator.auth;

import java.util.Set;

/**
 * Who a valid token speaks for: a policy (hub-wide or scoped to one device) or a device.
 */
public record Principal(String policyName, String deviceId, Set<Permission> permissions) {

	static Principal policy(AccessPolicy policy, String scopedDeviceId) {
		return new Principal(policy.name(), scopedDeviceId, policy.permissions());
	}

	static Principal device(String deviceId) {
		return new Principal(null, deviceId, Set.of(Permission.DEVICE_CONNECT));
	}

	public boolean isDevice() {
		return this.policyName == null;
	}

}
