package dev.fleetjobs.status.system;

import dev.fleetjobs.status.view.InvalidQueryException;
import dev.fleetjobs.status.view.JobNotFoundException;
import dev.fleetjobs.status.view.StreamLimitException;
import dev.fleetjobs.support.problem.ProblemExceptionHandler;
import dev.fleetjobs.support.problem.Problems;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Every error as {@code application/problem+json} with a stable type URI and an error
 * code: 404 {@code job-not-found}, 400 {@code invalid-query} (with the parameter in
 * {@code field}), 429 {@code too-many-streams} and 503 {@code server-busy} with a
 * {@code Retry-After} for SSE streams over their caps; Spring MVC's own errors with types
 * derived from their status and a 500 for the unexpected, as in every FleetJobs API
 * ({@link ProblemExceptionHandler}).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemExceptionHandler {

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
	ResponseEntity<ProblemDetail> streamLimit(StreamLimitException ex) {
		HttpStatus status = ex.perKey() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE;
		ProblemDetail problem = ex.perKey()
				? Problems.of(status, "TOO_MANY_STREAMS", "Too many streams", ex.getMessage())
				: Problems.of(status, "SERVER_BUSY", "Server busy", ex.getMessage());
		return ResponseEntity.status(status)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
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

}
