package dev.fleetjobs.emulator.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.fleetjobs.emulator.json.Json;
import dev.fleetjobs.emulator.store.StoreMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hub's shared access policies. At first start the built-in policies get fresh keys,
 * which are kept in the store; policies given in the configuration replace stored ones.
 */
public final class AccessPolicies {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, AccessPolicy> policies = new LinkedHashMap<>();

	public AccessPolicies(StoreMap store, List<AccessPolicy> configured) {
		for (Map.Entry<String, String> entry : store.entries()) {
			this.policies.put(entry.getKey(), fromJson(entry.getKey(), Json.read(entry.getValue())));
		}
		AccessPolicy.BUILT_IN.forEach((name, permissions) -> this.policies.computeIfAbsent(name,
				(key) -> new AccessPolicy(key, newKey(), newKey(), permissions)));
		configured.forEach((policy) -> this.policies.put(policy.name(), policy));
		this.policies.forEach((name, policy) -> store.put(name, Json.text(toJson(policy))));
	}

	/** A fresh 32-byte key, base64, as the hub generates them. */
	public static String newKey() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	public AccessPolicy find(String name) {
		return this.policies.get(name);
	}

	public List<AccessPolicy> all() {
		return List.copyOf(this.policies.values());
	}

	private static ObjectNode toJson(AccessPolicy policy) {
		ObjectNode node = Json.object();
		node.put("primaryKey", policy.primaryKey());
		node.put("secondaryKey", policy.secondaryKey());
		policy.permissions().forEach((permission) -> node.withArray("permissions").add(permission.name()));
		return node;
	}

	private static AccessPolicy fromJson(String name, JsonNode node) {
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		node.path("permissions").forEach((permission) -> permissions.add(Permission.valueOf(permission.asString())));
		return new AccessPolicy(name, Json.string(node, "primaryKey"), Json.string(node, "secondaryKey"), permissions);
	}

}
