package dev.fleetjobs.status.testsupport;

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

	public static final String READER_KEY = "test-status-reader-key";

	public static final String READER_HASH = "2adc7fa47abf2c1b36bc4cba46e81f78ea4cedaaacc83f3be88d43f8441767ee";

	/** A key with every scope but {@code jobs:read}. */
	public static final String WRITER_KEY = "test-status-writer-key";

	public static final String WRITER_HASH = "fc44fc871e23a55fb11849960e5581c8c0555f1a86c500e44ccef6e560094e41";

	public static final String HMAC_SECRET = "test-status-hmac-secret-of-32-bytes-or-more";

	private TestCredentials() {
	}

	/** A JWT for the subject with the space-separated scopes, signed with the secret. */
	public static String jwt(String subject, String scopes) {
		try {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
				.claim("scope", scopes)
				.issueTime(new Date())
				.expirationTime(Date.from(Instant.now().plusSeconds(300)))
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
			jwt.sign(new MACSigner(HMAC_SECRET.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
