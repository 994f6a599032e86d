package dev.fleetjobs.request.security;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import dev.fleetjobs.support.security.ApiKey;
import dev.fleetjobs.support.security.HashedApiKey;

/**
 * The local default API key: generated at first start when no key is configured, printed
 * once on the console, and kept only as its SHA-256 hash in
 * {@code <data-dir>/api-keys.properties}. Delete the file to get a new key.
 */
final class LocalApiKeyFile {

	static final String FILE_NAME = "api-keys.properties";

	static final String NAME = "local";

	private static final SecureRandom RANDOM = new SecureRandom();

	private LocalApiKeyFile() {
	}

	/** Reads the key's hash, or generates a key and prints it once to {@code banner}. */
	static ApiKey loadOrCreate(Path dataDir, PrintStream banner) {
		Path file = dataDir.resolve(FILE_NAME);
		try {
			if (Files.exists(file)) {
				Properties stored = new Properties();
				try (Reader reader = Files.newBufferedReader(file)) {
					stored.load(reader);
				}
				return new ApiKey(stored.getProperty("name", NAME), stored.getProperty("sha256"),
						List.of(stored.getProperty("scopes", String.join(",", Scopes.ALL)).split(",")));
			}
			byte[] random = new byte[32];
			RANDOM.nextBytes(random);
			String key = "fjk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			write(file, HashedApiKey.sha256Hex(key));
			banner.println();
			banner.println("==============================================================================");
			banner.println(" job-request-service generated a local API key. It is shown only this once:");
			banner.println();
			banner.println("   X-API-Key: " + key);
			banner.println();
			banner.println(" Scopes: " + String.join(", ", Scopes.ALL) + ". Only its SHA-256 is kept, in");
			banner.println(" " + file + " (delete that file to generate a new key).");
			banner.println("==============================================================================");
			banner.println();
			return new ApiKey(NAME, HashedApiKey.sha256Hex(key), Scopes.ALL);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the local API key file " + file, ex);
		}
	}

	private static void write(Path file, String hash) throws IOException {
		Files.createDirectories(file.getParent());
		Properties stored = new Properties();
		stored.setProperty("name", NAME);
		stored.setProperty("sha256", hash);
		stored.setProperty("scopes", String.join(",", Scopes.ALL));
		stored.setProperty("created", Instant.now().toString());
		Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
		}
		try (Writer writer = Files.newBufferedWriter(temporary)) {
			stored.store(writer, "job-request-service local API key (SHA-256 only; the key was printed once)");
		}
		Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

}
