package dev.fleetjobs.request.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of API keys, compared in constant time. */
final class ApiKeyHashes {

	private ApiKeyHashes() {
	}

	static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String sha256Hex(String key) {
		return HexFormat.of().formatHex(sha256(key));
	}

	/** Constant-time comparison of two hashes. */
	static boolean matches(byte[] presented, byte[] stored) {
		return MessageDigest.isEqual(presented, stored);
	}

}
