package dev.fleetjobs.request.security;

import dev.fleetjobs.support.security.ApiSecurity;
import dev.fleetjobs.support.security.ProblemSecurityHandlers;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call needs an API key or a bearer JWT with the right scope:
 * {@code jobs:submit} for {@code POST /api/jobs}, {@code jobs:cancel} for cancels,
 * {@code jobs:read} for reads. Health, info, Prometheus and the OpenAPI documents are
 * open and reveal no secrets ({@link ApiSecurity}, shared with job-status-service).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyStore keys, ProblemSecurityHandlers problems,
			ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
		return ApiSecurity
			.configure(http, keys, problems, jwtDecoder.getIfAvailable() != null,
					(requests) -> requests.requestMatchers(HttpMethod.POST, "/api/jobs")
						.hasAuthority(ApiSecurity.authority(Scopes.SUBMIT))
						.requestMatchers(HttpMethod.POST, "/api/jobs/*/cancel")
						.hasAuthority(ApiSecurity.authority(Scopes.CANCEL))
						.requestMatchers(HttpMethod.GET, "/api/jobs/*")
						.hasAuthority(ApiSecurity.authority(Scopes.READ)))
			.build();
	}

	/** 401 and 403 as problem+json; a 403 names the scope of the endpoint. */
	@Bean
	ProblemSecurityHandlers problemSecurityHandlers(JsonMapper json) {
		return new ProblemSecurityHandlers(json, SecurityConfiguration::requiredScope);
	}

	/** Locally signed (HS256) JWTs, for development and tests. */
	@Bean
	@ConditionalOnProperty("fleetjobs.security.jwt-hmac-secret")
	JwtDecoder hmacJwtDecoder(SecurityProperties properties) {
		return ApiSecurity.hmacJwtDecoder(properties.jwtHmacSecret());
	}

	private static String requiredScope(HttpServletRequest request) {
		if ("GET".equals(request.getMethod())) {
			return Scopes.READ;
		}
		return request.getRequestURI().endsWith("/cancel") ? Scopes.CANCEL : Scopes.SUBMIT;
	}

}
