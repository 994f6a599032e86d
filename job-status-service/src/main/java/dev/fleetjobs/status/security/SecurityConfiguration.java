package dev.fleetjobs.status.security;

import dev.fleetjobs.support.security.ApiSecurity;
import dev.fleetjobs.support.security.ProblemSecurityHandlers;
import jakarta.servlet.DispatcherType;
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
 * Every API call needs an API key or a bearer JWT with the {@code jobs:read} scope.
 * Health, info, Prometheus and the OpenAPI documents are open and reveal no secrets
 * ({@link ApiSecurity}, shared with job-request-service). The service has no endpoint
 * that changes state; any other request needs authentication.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyStore keys, ProblemSecurityHandlers problems,
			ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
		return ApiSecurity.configure(http, keys, problems, jwtDecoder.getIfAvailable() != null, (requests) -> requests
			// an SSE stream's async and error dispatches were authorized with its
			// request
			.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/jobs", "/api/jobs/**")
			.hasAuthority(ApiSecurity.authority(Scopes.READ))).build();
	}

	/** 401 and 403 as problem+json; every endpoint here needs {@code jobs:read}. */
	@Bean
	ProblemSecurityHandlers problemSecurityHandlers(JsonMapper json) {
		return new ProblemSecurityHandlers(json, (request) -> Scopes.READ);
	}

	/** Locally signed (HS256) JWTs, for development and tests. */
	@Bean
	@ConditionalOnProperty("fleetjobs.security.jwt-hmac-secret")
	JwtDecoder hmacJwtDecoder(SecurityProperties properties) {
		return ApiSecurity.hmacJwtDecoder(properties.jwtHmacSecret());
	}

}
