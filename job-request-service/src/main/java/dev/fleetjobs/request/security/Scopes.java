package dev.fleetjobs.request.security;

import java.util.List;

/** The scopes of the REST API, as JWT scopes and API key scopes. */
final class Scopes {

	static final String SUBMIT = "jobs:submit";

	static final String CANCEL = "jobs:cancel";

	static final String READ = "jobs:read";

	static final List<String> ALL = List.of(SUBMIT, CANCEL, READ);

	private Scopes() {
	}

}
