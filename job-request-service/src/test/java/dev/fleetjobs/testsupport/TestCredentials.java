package dev.fleetjobs.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Test-only API keys (their SHA-256 is configured) and JWTs signed with the test secret.
 */
public final class TestCredentials {

	public static final String ALL_SCOPES_NAME = "all-scopes";

	public static final String ALL_SCOPES_KEY = "test-all-scopes-key";

	public static final String ALL_SCOPES_HASH = "70ced7816e2dc11a15f10b6caaa884035ac95426bb7a714e5f0da29d286fe910";

	public static final String READ_ONLY_NAME = "read-only";

	public static final String READ_ONLY_KEY = "test-read-only-key";

	public static final String READ_ONLY_HASH = "78e8dbf482fd509312265d3ef27f82f252eb61e4cbc722cef0e2306c5966cba3";

	public static final String HMAC_SECRET = "test-hmac-secret-of-at-least-32-bytes!";

	private TestCredentials() {
	}

	/** A JWT for the subject with the space-separated scopes, signed with the secret. */
	public static String jwt(String subject, String scopes, Instant expiresAt, String secret) {
		try {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
				.claim("scope", scopes)
				.issueTime(new Date())
				.expirationTime(Date.from(expiresAt))
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
			jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String jwt(String subject, String scopes) {
		return jwt(subject, scopes, Instant.now().plusSeconds(300), HMAC_SECRET);
	}

}
