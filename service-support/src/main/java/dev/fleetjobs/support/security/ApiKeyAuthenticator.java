package dev.fleetjobs.support.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * Where {@link ApiKeyAuthenticationFilter} checks a presented key: each service's
 * {@code ApiKeyStore}, which decides which keys it knows.
 */
@FunctionalInterface
public interface ApiKeyAuthenticator {

	/** The authenticated caller for a presented key, or empty when no key matches. */
	Optional<Authentication> authenticate(String presentedKey);

}
