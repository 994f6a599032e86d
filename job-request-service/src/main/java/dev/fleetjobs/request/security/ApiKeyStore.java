package dev.fleetjobs.request.security;

import java.util.List;
import java.util.Optional;

import dev.fleetjobs.support.security.ApiKey;
import dev.fleetjobs.support.security.ApiKeyAuthenticator;
import dev.fleetjobs.support.security.HashedApiKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The API keys this service accepts, as SHA-256 hashes: the configured ones, or else the
 * generated local one. A presented key is hashed and compared with every stored hash in
 * constant time.
 */
@Component
class ApiKeyStore implements ApiKeyAuthenticator {

	private static final Logger log = LoggerFactory.getLogger(ApiKeyStore.class);

	private final List<HashedApiKey> keys;

	ApiKeyStore(SecurityProperties properties) {
		List<ApiKey> configured = properties.apiKeys();
		if (configured.isEmpty() && properties.generateLocalKey()) {
			ApiKey local = LocalApiKeyFile.loadOrCreate(properties.dataDir(), System.out);
			log.info("Using the local API key '{}' (its hash is in {}); the key itself was printed at first start",
					local.name(), properties.dataDir().resolve(LocalApiKeyFile.FILE_NAME));
			configured = List.of(local);
		}
		this.keys = configured.stream().map(HashedApiKey::of).toList();
		log.info("{} API key(s) accepted: {}", this.keys.size(), this.keys.stream().map(HashedApiKey::name).toList());
	}

	@Override
	public Optional<Authentication> authenticate(String presented) {
		return HashedApiKey.authenticate(presented, this.keys);
	}

}
