package dev.fleetjobs.status.system;

import dev.fleetjobs.status.view.InvalidQueryException;
import dev.fleetjobs.status.view.JobNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as {@code application/problem+json} with a stable type URI and an error
 * code: 404 {@code job-not-found}, 400 {@code invalid-query} (with the parameter in
 * {@code field}), and Spring MVC's own errors with types derived from their status.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(JobNotFoundException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "JOB_NOT_FOUND", "Job not found", ex.getMessage());
		problem.setProperty("field", "jobId");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidQuery(InvalidQueryException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "INVALID_QUERY", "Invalid query parameter",
				ex.getMessage());
		problem.setProperty("field", ex.field());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		return ResponseEntity.internalServerError()
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Internal error",
					"an unexpected error occurred; it has been logged"));
	}

	/** A constraint on a query parameter (e.g. {@code page >= 0}) names the parameter. */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = null;
		String message = "invalid parameter";
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			field = result.getMethodParameter().getParameterName();
			message = result.getResolvableErrors()
				.stream()
				.map(MessageSourceResolvable::getDefaultMessage)
				.findFirst()
				.orElse(message);
			break;
		}
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "INVALID_QUERY", "Invalid query parameter",
				field + ": " + message);
		problem.setProperty("field", field);
		return ResponseEntity.badRequest().body(problem);
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
