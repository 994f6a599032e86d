package dev.fleetjobs.status.security;

import java.nio.charset.StandardCharsets;

import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Every API call needs an API key or a bearer JWT with the {@code jobs:read} scope.
 * Health, info, Prometheus and the OpenAPI documents are open and reveal no secrets. The
 * service has no endpoint that changes state; any other request needs authentication.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyStore keys, ProblemSecurityHandlers problems,
			ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling((errors) -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests
				// an SSE stream's async and error dispatches were authorized with its
				// request
				.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
						"/actuator/prometheus")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
						"/swagger-ui/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/jobs", "/api/jobs/**")
				.hasAuthority(Scopes.authority(Scopes.READ))
				.anyRequest()
				.authenticated());
		if (jwtDecoder.getIfAvailable() != null) {
			http.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems));
		}
		return http.build();
	}

	/** Locally signed (HS256) JWTs, for development and tests. */
	@Bean
	@ConditionalOnProperty("fleetjobs.security.jwt-hmac-secret")
	JwtDecoder hmacJwtDecoder(SecurityProperties properties) {
		SecretKeySpec key = new SecretKeySpec(properties.jwtHmacSecret().getBytes(StandardCharsets.UTF_8),
				"HmacSHA256");
		return NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
	}

}
