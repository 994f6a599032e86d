package dev.fleetjobs.status.security;

/** The scope this service checks, as JWT scopes and API key scopes name it. */
final class Scopes {

	static final String READ = "jobs:read";

	private Scopes() {
	}

	/** The authority Spring Security checks, as the resource server names it. */
	static String authority(String scope) {
		return "SCOPE_" + scope;
	}

}
