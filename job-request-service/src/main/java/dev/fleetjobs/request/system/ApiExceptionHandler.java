package dev.fleetjobs.request.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.request.submission.CommandsUnavailableException;
import dev.fleetjobs.request.submission.JobNotFoundException;
import dev.fleetjobs.request.submission.RequestIdConflictException;
import dev.fleetjobs.request.submission.SubmissionProperties;
import dev.fleetjobs.request.validation.InvalidJobRequestException;
import dev.fleetjobs.request.validation.Violation;
import dev.fleetjobs.support.problem.ProblemExceptionHandler;
import dev.fleetjobs.support.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Every error as {@code application/problem+json} with a stable type URI, the error code
 * and, when one field is to blame, its JSON path in {@code field}. Spring MVC's own
 * errors and unexpected failures are handled as in every FleetJobs API
 * ({@link ProblemExceptionHandler}).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final SubmissionProperties submission;

	ApiExceptionHandler(SubmissionProperties submission) {
		this.submission = submission;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidRequest(InvalidJobRequestException ex) {
		Violation primary = ex.primary();
		HttpStatus status = Violation.TOO_LARGE.equals(primary.code()) ? HttpStatus.PAYLOAD_TOO_LARGE
				: HttpStatus.BAD_REQUEST;
		ProblemDetail problem = Problems.of(status, primary.code(), "Invalid job request", ex.getMessage());
		problem.setProperty("field", primary.field());
		problem.setProperty("errors", ex.violations().stream().map(ApiExceptionHandler::error).toList());
		return ResponseEntity.status(status).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(RequestIdConflictException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "REQUEST_ID_CONFLICT", "Request id already used",
				ex.getMessage());
		problem.setProperty("field", "requestId");
		problem.setProperty("jobId", ex.jobId());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(CommandsUnavailableException ex) {
		log.warn("Answering 503: {} ({})", ex.getMessage(), String.valueOf(ex.getCause()));
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "KAFKA_UNAVAILABLE",
				"Commands cannot be published right now", ex.getMessage() + "; nothing was accepted, retry later");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(this.submission.retryAfter().toSeconds()))
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(JobNotFoundException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "JOB_NOT_FOUND", "Job not found", ex.getMessage());
		problem.setProperty("field", "jobId");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Violation.UNPARSEABLE, "Unreadable request body",
				"the body is not the expected JSON object");
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "code", Violation.VALIDATION_FAILED, "message",
					String.valueOf(error.getDefaultMessage())))
			.toList();
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Violation.VALIDATION_FAILED, "Invalid request",
				errors.isEmpty() ? "invalid request"
						: errors.get(0).get("field") + ": " + errors.get(0).get("message"));
		problem.setProperty("field", errors.isEmpty() ? null : errors.get(0).get("field"));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	/** One violation; no {@code field} when it concerns the whole request. */
	private static Map<String, String> error(Violation violation) {
		Map<String, String> error = new LinkedHashMap<>();
		if (violation.field() != null) {
			error.put("field", violation.field());
		}
		error.put("code", violation.code());
		error.put("message", violation.message());
		return error;
	}

}
