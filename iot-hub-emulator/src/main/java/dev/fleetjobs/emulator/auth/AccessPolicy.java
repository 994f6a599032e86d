package dev.fleetjobs.emulator.auth;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A shared access policy: a name, two keys (base64) and its permissions. */
public record AccessPolicy(String name, String primaryKey, String secondaryKey, Set<Permission> permissions) {

	/** The hub's built-in policies and their permissions. */
	public static final Map<String, Set<Permission>> BUILT_IN = Map.of("iothubowner", EnumSet.allOf(Permission.class),
			"service", EnumSet.of(Permission.SERVICE_CONNECT), "device", EnumSet.of(Permission.DEVICE_CONNECT),
			"registryRead", EnumSet.of(Permission.REGISTRY_READ), "registryReadWrite",
			EnumSet.of(Permission.REGISTRY_READ, Permission.REGISTRY_WRITE));

	public AccessPolicy {
		permissions = Set.copyOf(permissions);
	}

	@Override
	public String toString() {
		return "AccessPolicy[name=" + this.name + ", permissions=" + this.permissions + ", keys=***]";
	}

}
