package dev.fleetjobs.status.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code X-API-Key: <key>} or {@code Authorization: ApiKey <key>}: a wrong
 * key is a 401 at once; no key leaves the request to the bearer-token filter (or to the
 * entry point's 401).
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private final ApiKeyStore keys;

	private final AuthenticationEntryPoint entryPoint;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ApiKeyAuthenticationFilter(ApiKeyStore keys, AuthenticationEntryPoint entryPoint) {
		this.keys = keys;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = presented(request);
		if (presented == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Authentication> caller = this.keys.authenticate(presented);
		if (caller.isEmpty()) {
			this.contexts.clearContext();
			this.entryPoint.commence(request, response, new BadCredentialsException("unknown API key"));
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(caller.get());
		this.contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.contexts.clearContext();
		}
	}

	private static String presented(HttpServletRequest request) {
		String header = request.getHeader("X-API-Key");
		if (header != null && !header.isBlank()) {
			return header.strip();
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "ApiKey ", 0, 7)) {
			return authorization.substring(7).strip();
		}
		return null;
	}

}
