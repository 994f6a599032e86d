package dev.fleetjobs.support.security;

import java.io.IOException;
import java.net.URI;
import java.util.function.Function;

import dev.fleetjobs.support.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as {@code application/problem+json}, the same in every service; the 403
 * names the scope the request needed, which each service knows for its own endpoints.
 */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	private final Function<HttpServletRequest, String> requiredScope;

	/**
	 * @param json writes the problem
	 * @param requiredScope the scope a request needs, named in the 403's detail
	 */
	public ProblemSecurityHandlers(JsonMapper json, Function<HttpServletRequest, String> requiredScope) {
		this.json = json;
		this.requiredScope = requiredScope;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "ApiKey, Bearer");
		write(request, response,
				Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Authentication required",
						"send an API key (X-API-Key or Authorization: ApiKey ...) or a bearer JWT; "
								+ ((ex != null) ? ex.getMessage() : "no credentials")));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "Missing scope",
				"the credentials lack the scope this operation needs (" + this.requiredScope.apply(request) + ")"));
	}

	private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
