package dev.fleetjobs.support.security;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys in either header, a wrong key refused at once, no key passed on. */
class ApiKeyAuthenticationFilterTests {

	private final List<HashedApiKey> keys = List
		.of(HashedApiKey.of("ops", HashedApiKey.sha256Hex("right-key").toUpperCase(), List.of("jobs:read")));

	private final AtomicReference<AuthenticationException> refused = new AtomicReference<>();

	private final ApiKeyAuthenticationFilter filter = new ApiKeyAuthenticationFilter(
			(presented) -> HashedApiKey.authenticate(presented, this.keys), (request, response, ex) -> {
				this.refused.set(ex);
				response.setStatus(401);
			});

	@Test
	void givenTheRightKeyInXApiKeyThenTheChainRunsAsItsCallerWithItsScopes() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/jobs/j1");
		request.addHeader(ApiKeyAuthenticationFilter.HEADER, " right-key ");

		Optional<Authentication> caller = filterAndCapture(request);

		assertThat(caller).hasValueSatisfying((authentication) -> {
			assertThat(authentication.getName()).isEqualTo("ops");
			assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("SCOPE_jobs:read");
		});
		assertThat(SecurityContextHolder.getContext().getAuthentication()).as("cleared afterwards").isNull();
	}

	@Test
	void givenTheApiKeySchemeInAnyCaseThenTheKeyIsRead() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/jobs/j1");
		request.addHeader("Authorization", "apikey right-key");

		assertThat(filterAndCapture(request)).isPresent();
	}

	@Test
	void givenAWrongKeyThenTheEntryPointAnswersAndTheChainNeverRuns() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/jobs/j1");
		request.addHeader(ApiKeyAuthenticationFilter.HEADER, "wrong-key");
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<Boolean> ran = new AtomicReference<>(false);

		this.filter.doFilter(request, response, (req, res) -> ran.set(true));

		assertThat(ran.get()).isFalse();
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(this.refused.get()).hasMessage("unknown API key");
	}

	@Test
	void givenNoKeyOrABearerTokenThenTheRequestPassesOnUnauthenticated() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/jobs/j1");
		request.addHeader("Authorization", "Bearer eyJ...");

		AtomicReference<Boolean> ran = new AtomicReference<>(false);
		this.filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			ran.set(true);
			assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
		});

		assertThat(ran.get()).isTrue();
		assertThat(this.refused.get()).isNull();
	}

	private Optional<Authentication> filterAndCapture(MockHttpServletRequest request) throws Exception {
		AtomicReference<Authentication> seen = new AtomicReference<>();
		FilterChain chain = (req, res) -> seen.set(SecurityContextHolder.getContext().getAuthentication());
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		return Optional.ofNullable(seen.get());
	}

}
