package dev.fleetjobs.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API key as the services keep it: its SHA-256 and the authorities of its scopes. A
 * presented key is hashed and compared with every stored hash in constant time. Shared so
 * that both services hash, compare and name authorities the same way, whichever keys each
 * of them loads.
 *
 * @param name the principal's name
 * @param hash the SHA-256 of the key
 * @param authorities {@code SCOPE_<scope>} for each scope
 */
public record HashedApiKey(String name, byte[] hash, List<SimpleGrantedAuthority> authorities) {

	/** A key from its name, its hash in hex and its scopes. */
	public static HashedApiKey of(String name, String hexHash, Collection<String> scopes) {
		return new HashedApiKey(name, HexFormat.of().parseHex(hexHash.toLowerCase(Locale.ROOT)),
				scopes.stream()
					.map((scope) -> new SimpleGrantedAuthority(ApiSecurity.authority(scope.strip())))
					.toList());
	}

	/** A configured key. */
	public static HashedApiKey of(ApiKey key) {
		return of(key.name(), key.hash(), key.scopes());
	}

	/**
	 * The caller of the first key whose hash matches; every key is compared, in constant
	 * time, so the answer takes as long whichever key matches.
	 */
	public static Optional<Authentication> authenticate(String presented, Collection<HashedApiKey> keys) {
		byte[] hash = sha256(presented);
		HashedApiKey match = null;
		for (HashedApiKey key : keys) {
			if (MessageDigest.isEqual(hash, key.hash()) && match == null) {
				match = key;
			}
		}
		return Optional.ofNullable(match)
			.map((key) -> UsernamePasswordAuthenticationToken.authenticated(key.name(), null, key.authorities()));
	}

	public static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String sha256Hex(String key) {
		return HexFormat.of().formatHex(sha256(key));
	}

	@Override
	public String toString() {
		return "HashedApiKey[name=" + this.name + ", hash=****, authorities=" + this.authorities + "]";
	}

}
