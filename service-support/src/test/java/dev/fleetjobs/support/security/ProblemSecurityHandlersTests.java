package dev.fleetjobs.support.security;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;

import static org.assertj.core.api.Assertions.assertThat;

/** 401 and 403 as problem+json with stable types; the 403 names the scope. */
class ProblemSecurityHandlersTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(this.json,
			(request) -> "jobs:" + request.getMethod().toLowerCase());

	@Test
	void givenNoValidCredentialsThenA401ProblemAsksForAnApiKeyOrABearerToken() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.handlers.commence(new MockHttpServletRequest("GET", "/api/jobs/j1"), response,
				new BadCredentialsException("unknown API key"));

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("ApiKey, Bearer");
		JsonNode problem = this.json.readTree(response.getContentAsString());
		assertThat(problem.get("type").asString()).isEqualTo("https://fleetjobs.dev/problems/unauthorized");
		assertThat(problem.get("status").asInt()).isEqualTo(401);
		assertThat(problem.get("instance").asString()).isEqualTo("/api/jobs/j1");
		assertThat(problem.get("detail").asString())
			.isEqualTo("send an API key (X-API-Key or Authorization: ApiKey ...) or a bearer JWT; unknown API key");
	}

	@Test
	void givenMissingScopeThenA403ProblemNamesTheScopeTheServiceRequires() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.handlers.handle(new MockHttpServletRequest("POST", "/api/jobs"), response,
				new AccessDeniedException("denied"));

		JsonNode problem = this.json.readTree(response.getContentAsString());
		assertThat(problem.get("status").asInt()).isEqualTo(403);
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(problem.get("type").asString()).isEqualTo("https://fleetjobs.dev/problems/forbidden");
		assertThat(problem.get("detail").asString())
			.isEqualTo("the credentials lack the scope this operation needs (jobs:post)");
	}

}
