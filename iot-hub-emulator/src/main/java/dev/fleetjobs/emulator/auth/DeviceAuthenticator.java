package dev.fleetjobs.emulator.auth;

import dev.fleetjobs.emulator.errors.IotHubErrors;

/** Tokens without a policy name, scoped to one device and signed with its key. */
final class DeviceAuthenticator implements Authenticator {

	private final DeviceKeys devices;

	DeviceAuthenticator(DeviceKeys devices) {
		this.devices = devices;
	}

	@Override
	public Principal authenticate(SasToken token, String deviceId) {
		if (token.keyName() != null) {
			return null;
		}
		if (deviceId == null) {
			throw IotHubErrors.unauthorized("A token without a policy name must be scoped to {host}/devices/{id}.");
		}
		DeviceKeys.Credentials credentials = this.devices.credentials(deviceId);
		if (credentials == null) {
			throw IotHubErrors.unauthorized("The token names a device that is not registered.");
		}
		if (!token.signedWith(credentials.primaryKey()) && !token.signedWith(credentials.secondaryKey())) {
			throw IotHubErrors.unauthorized("The token signature does not match the keys of device " + deviceId + ".");
		}
		if (!credentials.enabled()) {
			throw IotHubErrors.unauthorized("Device " + deviceId + " is disabled.");
		}
		return Principal.device(deviceId);
	}

}
