package dev.fleetjobs.request.security;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fleetjobs.support.security.ApiKey;
import dev.fleetjobs.support.security.HashedApiKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalApiKeyFileTests {

	@TempDir
	Path dataDir;

	@Test
	void givenNoKeyFileThenAKeyIsGeneratedPrintedOnceAndOnlyItsHashIsStored() throws Exception {
		// Given an empty data directory
		ByteArrayOutputStream console = new ByteArrayOutputStream();

		// When the service starts for the first time
		ApiKey key = LocalApiKeyFile.loadOrCreate(this.dataDir, new PrintStream(console, true));

		// Then the banner shows a key whose SHA-256 is what the file holds, and the file
		// never holds the key
		Matcher printed = Pattern.compile("X-API-Key: (fjk_[A-Za-z0-9_-]{43})")
			.matcher(console.toString(StandardCharsets.UTF_8));
		assertThat(printed.find()).isTrue();
		String file = Files.readString(this.dataDir.resolve(LocalApiKeyFile.FILE_NAME));
		assertThat(file).contains("sha256=" + HashedApiKey.sha256Hex(printed.group(1)))
			.doesNotContain(printed.group(1));
		assertThat(key.hash()).isEqualTo(HashedApiKey.sha256Hex(printed.group(1)));
		assertThat(key.scopes()).containsExactlyElementsOf(Scopes.ALL);
		assertThat(Files.getPosixFilePermissions(this.dataDir.resolve(LocalApiKeyFile.FILE_NAME)))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));

		// And at the next start nothing is printed and the same hash is used
		ByteArrayOutputStream second = new ByteArrayOutputStream();
		ApiKey again = LocalApiKeyFile.loadOrCreate(this.dataDir, new PrintStream(second, true));
		assertThat(second.size()).isZero();
		assertThat(again.hash()).isEqualTo(key.hash());
	}

	@Test
	void givenStoredKeysThenOnlyTheRightKeyAuthenticatesWithItsScopes() {
		SecurityProperties properties = new SecurityProperties(
				List.of(new ApiKey("ops", HashedApiKey.sha256Hex("right-key").toUpperCase(), List.of(Scopes.READ))),
				this.dataDir, true, null);
		ApiKeyStore store = new ApiKeyStore(properties);

		assertThat(store.authenticate("right-key")).hasValueSatisfying((caller) -> {
			assertThat(caller.getName()).isEqualTo("ops");
			assertThat(caller.getAuthorities()).extracting(Object::toString).containsExactly("SCOPE_jobs:read");
		});
		assertThat(store.authenticate("wrong-key")).isEmpty();
		assertThat(store.authenticate("")).isEmpty();
		assertThat(this.dataDir.resolve(LocalApiKeyFile.FILE_NAME)).as("no local key when keys are configured")
			.doesNotExist();
	}

	@Test
	void givenTheSecurityPropertiesThenToStringMasksSecrets() {
		SecurityProperties properties = new SecurityProperties(
				List.of(new ApiKey("ops", "a".repeat(64), List.of(Scopes.READ))), this.dataDir, false,
				"super-secret-hmac-key-of-32-bytes!!");

		assertThat(properties.toString()).doesNotContain("super-secret").doesNotContain("a".repeat(64));
	}

}
