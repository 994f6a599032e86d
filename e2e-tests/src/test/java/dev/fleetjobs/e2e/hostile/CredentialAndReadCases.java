package dev.fleetjobs.e2e.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile reads on job-status-service's API, and expired, forged and under-scoped
 * credentials on a request-service instance that takes JWTs.
 */
final class CredentialAndReadCases {

	private static final String BODY = "{\"requestId\":\"never-accepted\",\"target\":{\"tags\":{\"building\":1}},"
			+ "\"action\":{\"directMethod\":{\"methodName\":\"lockDoor\"}}}";

	private final RestProbe rest;

	private final String statusUrl;

	private final String apiKey;

	private final SecondRequestService jwtService;

	CredentialAndReadCases(RestProbe rest, String statusUrl, String apiKey, SecondRequestService jwtService) {
		this.rest = rest;
		this.statusUrl = statusUrl;
		this.apiKey = apiKey;
		this.jwtService = jwtService;
	}

	List<HostileCase> all() {
		List<HostileCase> cases = new ArrayList<>();
		String read = "REST GET job-status /api/jobs";
		cases.add(new HostileCase(read, "status filter injection ' OR 1=1",
				() -> RestProbe.assertProblem(get(this.statusUrl + "?status=running'%20OR%201=1", this.apiKey), 400,
						"invalid-query", "status")));
		cases.add(new HostileCase(read, "job id injection x' OR '1'='1", () -> RestProbe
			.assertProblem(get(this.statusUrl + "/x'%20OR%20'1'='1", this.apiKey), 404, "job-not-found", "jobId")));
		cases.add(new HostileCase(read, "encoded slash %2F in the job id (refused by Tomcat itself)",
				() -> detailMentions(get(this.statusUrl + "/a%2Fb", this.apiKey), 400, "bad-request",
						"encoded slash")));
		cases.add(new HostileCase(read, "negative page number", () -> RestProbe
			.assertProblem(get(this.statusUrl + "?page=-1", this.apiKey), 400, "invalid-query", "page")));
		cases.add(new HostileCase(read, "wrong API key", () -> RestProbe
			.assertProblem(get(this.statusUrl, "fj_" + UUID.randomUUID()), 401, "unauthorized", null)));
		cases.add(new HostileCase(read, "forged bearer token (no issuer configured)",
				() -> RestProbe.assertProblem(
						this.rest.send("GET", this.statusUrl,
								Map.of("Authorization", "Bearer " + Tokens.unsigned("jobs:read")), null),
						401, "unauthorized", null)));
		String jwt = "REST POST /api/jobs (JWT instance)";
		cases.add(new HostileCase(jwt, "expired JWT", () -> {
			String fresh = Tokens.signed(secret(), "jobs:read", Instant.now().plusSeconds(600));
			assertThat(jwtGet(fresh).status()).as("the same token unexpired gets through (404 for no job)")
				.isEqualTo(404);
			String expired = Tokens.signed(secret(), "jobs:submit jobs:read", Instant.now().minusSeconds(600));
			return detailMentions(jwtPost("Bearer " + expired), 401, "unauthorized", "expired");
		}));
		cases.add(new HostileCase(jwt, "JWT signed with another key", () -> detailMentions(jwtPost("Bearer "
				+ Tokens.signed(secret().toUpperCase() + "forged", "jobs:submit", Instant.now().plusSeconds(600))), 401,
				"unauthorized", "signature")));
		cases.add(new HostileCase(jwt, "JWT with alg=none",
				() -> detailMentions(jwtPost("Bearer " + Tokens.unsigned("jobs:submit")), 401, "unauthorized",
						"none")));
		cases.add(new HostileCase(jwt, "JWT without the submit scope",
				() -> detailMentions(
						jwtPost("Bearer " + Tokens.signed(secret(), "jobs:read", Instant.now().plusSeconds(600))), 403,
						"forbidden", "jobs:submit")));
		cases.add(new HostileCase(jwt, "API key without the submit scope",
				() -> detailMentions(jwtPost("ApiKey " + this.jwtService.readOnlyKey()), 403, "forbidden",
						"jobs:submit")));
		return cases;
	}

	private String secret() {
		this.jwtService.awaitReady();
		return this.jwtService.jwtSecret();
	}

	private static String detailMentions(RestProbe.Answer answer, int status, String code, String word) {
		String summary = RestProbe.assertProblem(answer, status, code, null);
		assertThat(answer.problem().path("detail").asString()).containsIgnoringCase(word);
		return summary;
	}

	private RestProbe.Answer get(String url, String key) {
		return this.rest.send("GET", url, Map.of("X-API-Key", key), null);
	}

	private RestProbe.Answer jwtGet(String token) {
		return this.rest.send("GET", this.jwtService.baseUrl() + "/api/jobs/" + UUID.randomUUID(),
				Map.of("Authorization", "Bearer " + token), null);
	}

	private RestProbe.Answer jwtPost(String authorization) {
		this.jwtService.awaitReady();
		return this.rest.send("POST", this.jwtService.baseUrl() + "/api/jobs",
				Map.of("Content-Type", "application/json", "Authorization", authorization),
				BODY.getBytes(StandardCharsets.UTF_8));
	}

}
