package dev.fleetjobs.e2e.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Bearer tokens, good and bad, made with Nimbus JOSE+JWT as an issuer would make them.
 */
final class Tokens {

	private Tokens() {
	}

	/** HS256 signed with the secret, with the scope, valid until the expiry. */
	static String signed(String secret, String scope, Instant expiry) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(scope, expiry));
			jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An unsigned token ({@code alg: none}), which a resource server must refuse. */
	static String unsigned(String scope) {
		return new PlainJWT(claims(scope, Instant.now().plusSeconds(600))).serialize();
	}

	private static JWTClaimsSet claims(String scope, Instant expiry) {
		return new JWTClaimsSet.Builder().subject("hostile-input-it")
			.claim("scope", scope)
			.issueTime(Date.from(expiry.minusSeconds(1200)))
			.expirationTime(Date.from(expiry))
			.build();
	}

}
