package dev.fleetjobs.support.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The error handling every FleetJobs REST API shares: Spring MVC's own errors (415, 405,
 * ...) get a type and an {@code errorCode} derived from their status, and anything
 * unexpected is a logged 500 {@code internal-error} that reveals nothing. Each service's
 * {@code ApiExceptionHandler} extends this (as a {@code @RestControllerAdvice}) and adds
 * handlers for its own exceptions; it is shared so that both APIs answer alike.
 */
public abstract class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

	private final Logger log = LoggerFactory.getLogger(getClass());

	@ExceptionHandler
	protected ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		this.log.error("Unexpected failure", ex);
		return ResponseEntity.internalServerError()
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Internal error",
					"an unexpected error occurred; it has been logged"));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring MVC's own errors (415, 405, ...) come here without a body, and Spring 7
		// leaves a problem's type null: give them a type and a code derived from the
		// status.
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			HttpStatus status = HttpStatus.resolve(statusCode.value());
			String code = (status != null) ? status.name() : "HTTP_" + statusCode.value();
			problem.setType(Problems.type(code));
			problem.setProperty("errorCode", code);
		}
		return response;
	}

}
