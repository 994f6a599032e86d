package dev.fleetjobs.status.security;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The API keys this service accepts, as SHA-256 hashes: the configured ones plus the one
 * in job-request-service's local key file, when there is one (read again when it
 * changes). A presented key is hashed and compared with every hash in constant time.
 */
@Component
class ApiKeyStore {

	private static final Logger log = LoggerFactory.getLogger(ApiKeyStore.class);

	private final List<StoredKey> configured = new ArrayList<>();

	private final Path localKeyFile;

	private volatile LocalKey local;

	ApiKeyStore(SecurityProperties properties) {
		properties.apiKeys().forEach((key) -> this.configured.add(stored(key.name(), key.hash(), key.scopes())));
		this.localKeyFile = properties.localKeyFile();
		log.info("{} configured API key(s) accepted: {}{}", this.configured.size(),
				this.configured.stream().map(StoredKey::name).toList(),
				(this.localKeyFile != null) ? ", plus the local key in " + this.localKeyFile + " when present" : "");
	}

	/** The authenticated caller for a presented key, if it matches a stored hash. */
	Optional<Authentication> authenticate(String presented) {
		byte[] hash = sha256(presented);
		List<StoredKey> keys = new ArrayList<>(this.configured);
		localKey().ifPresent(keys::add);
		StoredKey match = null;
		for (StoredKey key : keys) {
			if (MessageDigest.isEqual(hash, key.hash()) && match == null) {
				match = key;
			}
		}
		return Optional.ofNullable(match)
			.map((key) -> UsernamePasswordAuthenticationToken.authenticated(key.name(), null, key.authorities()));
	}

	private Optional<StoredKey> localKey() {
		if (this.localKeyFile == null) {
			return Optional.empty();
		}
		try {
			FileTime modified = Files.isRegularFile(this.localKeyFile) ? Files.getLastModifiedTime(this.localKeyFile)
					: null;
			LocalKey current = this.local;
			if (current == null || !java.util.Objects.equals(current.modified(), modified)) {
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

	private static StoredKey read(Path file) throws IOException {
		Properties stored = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			stored.load(reader);
		}
		return stored(stored.getProperty("name", "local"), stored.getProperty("sha256"),
				List.of(stored.getProperty("scopes", Scopes.READ).split(",")));
	}

	private static StoredKey stored(String name, String hash, List<String> scopes) {
		return new StoredKey(name, HexFormat.of().parseHex(hash.toLowerCase(java.util.Locale.ROOT)),
				scopes.stream().map((scope) -> new SimpleGrantedAuthority(Scopes.authority(scope.strip()))).toList());
	}

	static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record StoredKey(String name, byte[] hash, List<SimpleGrantedAuthority> authorities) {
	}

	private record LocalKey(FileTime modified, StoredKey key) {
	}

}
