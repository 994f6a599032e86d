package dev.fleetjobs.support.security;

import java.nio.charset.StandardCharsets;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The filter chain every FleetJobs REST API shares: stateless, no CSRF, basic auth, form
 * login or sessions; API keys ({@link ApiKeyAuthenticationFilter}) and, when a
 * {@link JwtDecoder} exists, bearer JWTs; 401 and 403 as problem+json. Health, info,
 * Prometheus and the OpenAPI documents are open and reveal no secrets; any request that
 * the service's own rules do not name needs authentication. Shared so that the services
 * cannot drift apart in what they leave open.
 */
public final class ApiSecurity {

	/** The authorization rules a service adds for its own endpoints. */
	public interface Rules {

		void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

	}

	private ApiSecurity() {
	}

	/**
	 * Configures {@code http} for an API.
	 * @param http the builder
	 * @param keys the service's API keys
	 * @param problems the 401 and 403 handlers
	 * @param jwt whether bearer JWTs are accepted (a {@link JwtDecoder} bean exists)
	 * @param rules the service's endpoint rules, checked after the open endpoints and
	 * before "anything else needs authentication"
	 * @return {@code http}, to build
	 */
	public static HttpSecurity configure(HttpSecurity http, ApiKeyAuthenticator keys, ProblemSecurityHandlers problems,
			boolean jwt, Rules rules) throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling((errors) -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> {
				requests
					.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
							"/actuator/prometheus")
					.permitAll()
					.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
							"/swagger-ui/**")
					.permitAll();
				rules.apply(requests);
				requests.anyRequest().authenticated();
			});
		if (jwt) {
			http.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems));
		}
		return http;
	}

	/** A decoder of locally signed (HS256) JWTs, for development and tests. */
	public static JwtDecoder hmacJwtDecoder(String secret) {
		SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		return NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
	}

	/**
	 * The authority Spring Security checks for a scope, as the resource server names it.
	 */
	public static String authority(String scope) {
		return "SCOPE_" + scope;
	}

}
