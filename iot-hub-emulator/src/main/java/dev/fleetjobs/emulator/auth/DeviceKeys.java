package dev.fleetjobs.emulator.auth;

/** Port: the device registry's keys, as the authenticators need them. */
public interface DeviceKeys {

	/** The device's credentials, or null when no such device is registered. */
	Credentials credentials(String deviceId);

	/** A device's symmetric keys (base64) and whether it may connect. */
	record Credentials(String primaryKey, String secondaryKey, boolean enabled) {

		@Override
		public String toString() {
			return "Credentials[enabled=" + this.enabled + ", keys=***]";
		}

	}

}
