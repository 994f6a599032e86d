package dev.fleetjobs.status.security;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import dev.fleetjobs.support.security.ApiKeyAuthenticator;
import dev.fleetjobs.support.security.HashedApiKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The API keys this service accepts, as SHA-256 hashes: the configured ones plus the one
 * in job-request-service's local key file, when there is one (read again when it
 * changes). A presented key is hashed and compared with every hash in constant time.
 */
@Component
class ApiKeyStore implements ApiKeyAuthenticator {

	private static final Logger log = LoggerFactory.getLogger(ApiKeyStore.class);

	private final List<HashedApiKey> configured;

	private final Path localKeyFile;

	private volatile LocalKey local;

	ApiKeyStore(SecurityProperties properties) {
		this.configured = properties.apiKeys().stream().map(HashedApiKey::of).toList();
		this.localKeyFile = properties.localKeyFile();
		log.info("{} configured API key(s) accepted: {}{}", this.configured.size(),
				this.configured.stream().map(HashedApiKey::name).toList(),
				(this.localKeyFile != null) ? ", plus the local key in " + this.localKeyFile + " when present" : "");
	}

	@Override
	public Optional<Authentication> authenticate(String presented) {
		List<HashedApiKey> keys = new ArrayList<>(this.configured);
		localKey().ifPresent(keys::add);
		return HashedApiKey.authenticate(presented, keys);
	}

	private Optional<HashedApiKey> localKey() {
		if (this.localKeyFile == null) {
			return Optional.empty();
		}
		try {
			FileTime modified = Files.isRegularFile(this.localKeyFile) ? Files.getLastModifiedTime(this.localKeyFile)
					: null;
			LocalKey current = this.local;
			if (current == null || !Objects.equals(current.modified(), modified)) {
				current = new LocalKey(modified, (modified != null) ? read(this.localKeyFile) : null);
				this.local = current;
			}
			return Optional.ofNullable(current.key());
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Cannot read the local API key file {}: {}", this.localKeyFile, ex.getMessage());
			return Optional.empty();
		}
	}

	private static HashedApiKey read(Path file) throws IOException {
		Properties stored = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			stored.load(reader);
		}
		return HashedApiKey.of(stored.getProperty("name", "local"), stored.getProperty("sha256"),
				List.of(stored.getProperty("scopes", Scopes.READ).split(",")));
	}

	private record LocalKey(FileTime modified, HashedApiKey key) {
	}

}
