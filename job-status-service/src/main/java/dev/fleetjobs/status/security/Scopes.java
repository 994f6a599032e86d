package dev.fleetjobs.status.security;

/** The scope this service checks, as JWT scopes and API key scopes name it. */
final class Scopes {

	static final String READ = "jobs:read";

	private Scopes() {
	}

}
