package dev.fleetjobs.request.security;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The API keys this service accepts, as SHA-256 hashes: the configured ones, or else the
 * generated local one. A presented key is hashed and compared with every stored hash in
 * constant time.
 */
@Component
class ApiKeyStore {

	private static final Logger log = LoggerFactory.getLogger(ApiKeyStore.class);

	private final List<StoredKey> keys = new ArrayList<>();

	ApiKeyStore(SecurityProperties properties) {
		List<SecurityProperties.ApiKey> configured = properties.apiKeys();
		if (configured.isEmpty() && properties.generateLocalKey()) {
			SecurityProperties.ApiKey local = LocalApiKeyFile.loadOrCreate(properties.dataDir(), System.out);
			log.info("Using the local API key '{}' (its hash is in {}); the key itself was printed at first start",
					local.name(), properties.dataDir().resolve(LocalApiKeyFile.FILE_NAME));
			configured = List.of(local);
		}
		for (SecurityProperties.ApiKey key : configured) {
			this.keys.add(new StoredKey(key.name(), HexFormat.of().parseHex(key.hash().toLowerCase()),
					key.scopes()
						.stream()
						.map((scope) -> new SimpleGrantedAuthority(Scopes.authority(scope)))
						.toList()));
		}
		log.info("{} API key(s) accepted: {}", this.keys.size(), this.keys.stream().map(StoredKey::name).toList());
	}

	/** The authenticated caller for a presented key, if it matches a stored hash. */
	Optional<Authentication> authenticate(String presented) {
		byte[] hash = ApiKeyHashes.sha256(presented);
		StoredKey match = null;
		for (StoredKey key : this.keys) {
			if (ApiKeyHashes.matches(hash, key.hash()) && match == null) {
				match = key;
			}
		}
		return Optional.ofNullable(match)
			.map((key) -> UsernamePasswordAuthenticationToken.authenticated(key.name(), null, key.authorities()));
	}

	private record StoredKey(String name, byte[] hash, List<SimpleGrantedAuthority> authorities) {
	}

}
