package dev.fleetjobs.status.testsupport;

/**
 * The shared test HTTP client ({@link dev.fleetjobs.support.testing.Api}) under the name
 * this module's tests import; the tests in {@code view/} and {@code tracking/} were being
 * changed when the client moved to service-support's test-jar. Import the shared one in
 * new tests; this alias goes once no test imports it.
 */
public final class Api extends dev.fleetjobs.support.testing.Api {

	public Api(int port) {
		super(port);
	}

}
