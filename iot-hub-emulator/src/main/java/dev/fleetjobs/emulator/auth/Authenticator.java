package dev.fleetjobs.emulator.auth;

/** One link of the authentication chain that the HTTP and MQTT endpoints share. */
interface Authenticator {

	/**
	 * Authenticates a token whose resource is this hub. Returns null when this
	 * authenticator does not handle the token; throws the hub's 401 when it does and the
	 * token is not valid.
	 * @param token the parsed token
	 * @param deviceId the device the token is scoped to, or null for a hub-wide token
	 */
	Principal authenticate(SasToken token, String deviceId);

}
