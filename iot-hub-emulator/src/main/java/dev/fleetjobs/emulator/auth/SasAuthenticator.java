package dev.fleetjobs.emulator.auth;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.fleetjobs.emulator.errors.IotHubErrors;

/**
 * Checks SAS tokens as the hub does: signature over {@code sr} as sent, expiry, resource
 * URI (one of the accepted host names, with or without a port) and permissions. Shared by
 * the HTTPS and MQTT endpoints.
 */
public final class SasAuthenticator {

	private static final int MAX_VERIFIED = 4096;

	private final Set<String> hostNames;

	private final List<Authenticator> chain;

	private final DeviceKeys devices;

	private final Clock clock;

	/** Service tokens already checked: the SDKs send the same token for many calls. */
	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	public SasAuthenticator(Set<String> hostNames, AccessPolicies policies, DeviceKeys devices, Clock clock) {
		this.hostNames = hostNames.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
		this.chain = List.of(new PolicyAuthenticator(policies), new DeviceAuthenticator(devices));
		this.devices = devices;
		this.clock = clock;
	}

	/**
	 * Authenticates a service call and checks that it carries the permission (null: any).
	 */
	public Principal authorizeService(String authorization, Permission needed) {
		if (authorization == null || authorization.isBlank()) {
			throw IotHubErrors.unauthorized("The request carries no Authorization header with a SAS token.");
		}
		Principal principal = servicePrincipal(authorization);
		if (needed != null && !principal.permissions().contains(needed)) {
			throw IotHubErrors.unauthorized("Policy '" + principal.policyName() + "' lacks the permission " + needed
					+ " that this operation needs.");
		}
		return principal;
	}

	private Principal servicePrincipal(String authorization) {
		Verified known = this.verified.get(authorization);
		if (known != null && this.clock.instant().getEpochSecond() <= known.expiry()) {
			return known.principal();
		}
		SasToken token = parse(authorization);
		Principal principal = authenticate(token, scopedDevice(token, null));
		if (principal.isDevice() || principal.deviceId() != null) {
			throw IotHubErrors.unauthorized("A device-scoped token cannot call the service API.");
		}
		if (this.verified.size() >= MAX_VERIFIED) {
			this.verified.clear();
		}
		this.verified.put(authorization, new Verified(principal, token.expiry()));
		return principal;
	}

	/** Authenticates a device connection (MQTT password) for this device id. */
	public Principal authorizeDevice(String deviceId, String password) {
		SasToken token = parse(password);
		String scoped = scopedDevice(token, deviceId);
		if (scoped == null) {
			throw IotHubErrors.unauthorized("The token is not scoped to device " + deviceId + ".");
		}
		if (this.devices.credentials(deviceId) == null) {
			throw IotHubErrors.unauthorized("Device " + deviceId + " is not registered.");
		}
		Principal principal = authenticate(token, deviceId);
		if (!principal.permissions().contains(Permission.DEVICE_CONNECT)) {
			throw IotHubErrors.unauthorized("Policy '" + principal.policyName() + "' lacks DeviceConnect.");
		}
		DeviceKeys.Credentials credentials = this.devices.credentials(deviceId);
		if (credentials == null || !credentials.enabled()) {
			throw IotHubErrors.unauthorized("Device " + deviceId + " is disabled.");
		}
		return principal;
	}

	private SasToken parse(String text) {
		SasToken token = SasToken.parse(text);
		if (token == null) {
			throw IotHubErrors.unauthorized("The SAS token is malformed: it needs sr, sig and se.");
		}
		if (token.expiredAt(this.clock.instant())) {
			throw IotHubErrors.unauthorized("The SAS token has expired.");
		}
		return token;
	}

	private Principal authenticate(SasToken token, String deviceId) {
		for (Authenticator authenticator : this.chain) {
			Principal principal = authenticator.authenticate(token, deviceId);
			if (principal != null) {
				return principal;
			}
		}
		throw IotHubErrors.unauthorized("The SAS token is not valid for this hub.");
	}

	/**
	 * Checks the host of the token's resource URI and returns the device it is scoped to:
	 * null for a hub-wide token; {@code expectedDevice} when it names that device.
	 */
	private String scopedDevice(SasToken token, String expectedDevice) {
		String uri = token.resourceUri();
		int slash = uri.indexOf('/');
		String host = (slash < 0) ? uri : uri.substring(0, slash);
		String path = (slash < 0) ? "" : uri.substring(slash);
		if (!acceptsHost(host.toLowerCase(Locale.ROOT))) {
			throw IotHubErrors.unauthorized("The token's resource URI names another hub.");
		}
		if (path.isEmpty()) {
			return null;
		}
		String[] segments = path.split("/");
		if (segments.length < 3 || !segments[1].equalsIgnoreCase("devices")) {
			throw IotHubErrors.unauthorized("The token's resource URI is not this hub or one of its devices.");
		}
		String device = segments[2];
		if (expectedDevice != null && (device.equalsIgnoreCase(expectedDevice)
				|| SasToken.decode(device).equalsIgnoreCase(expectedDevice))) {
			return expectedDevice;
		}
		if (expectedDevice != null) {
			throw IotHubErrors.unauthorized("The token is scoped to another device.");
		}
		return SasToken.decode(device);
	}

	private record Verified(Principal principal, long expiry) {
	}

	private boolean acceptsHost(String host) {
		if (this.hostNames.contains(host)) {
			return true;
		}
		int colon = host.lastIndexOf(':');
		return colon > 0 && this.hostNames.contains(host.substring(0, colon));
	}

}
