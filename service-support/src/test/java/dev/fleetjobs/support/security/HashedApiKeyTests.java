package dev.fleetjobs.support.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys are kept as hashes, matched whatever the hex case, and never shown. */
class HashedApiKeyTests {

	@Test
	void givenSeveralKeysThenOnlyThePresentedKeyOfOneAuthenticatesWithThatKeysScopes() {
		List<HashedApiKey> keys = List.of(
				HashedApiKey.of(new ApiKey("reader", HashedApiKey.sha256Hex("key-1"), List.of("jobs:read"))),
				HashedApiKey.of("writer", HashedApiKey.sha256Hex("key-2").toUpperCase(),
						List.of("jobs:submit", " jobs:cancel")));

		assertThat(HashedApiKey.authenticate("key-2", keys)).hasValueSatisfying((caller) -> {
			assertThat(caller.getName()).isEqualTo("writer");
			assertThat(caller.getAuthorities()).extracting(Object::toString)
				.containsExactly("SCOPE_jobs:submit", "SCOPE_jobs:cancel");
			assertThat(caller.isAuthenticated()).isTrue();
		});
		assertThat(HashedApiKey.authenticate("key-3", keys)).isEmpty();
		assertThat(HashedApiKey.authenticate(HashedApiKey.sha256Hex("key-1"), keys)).as("the hash is not a key")
			.isEmpty();
	}

	@Test
	void givenAKeyThenItsTextShowsNeitherTheKeyNorItsHash() {
		String hash = HashedApiKey.sha256Hex("secret-key");
		ApiKey configured = new ApiKey("ops", hash, List.of("jobs:read"));

		assertThat(hash).hasSize(64);
		assertThat(configured.toString()).doesNotContain(hash).contains("ops");
		assertThat(HashedApiKey.of(configured).toString()).doesNotContain(hash).doesNotContain("secret-key");
	}

}
