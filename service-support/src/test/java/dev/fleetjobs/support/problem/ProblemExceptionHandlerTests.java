package dev.fleetjobs.support.problem;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring MVC's own errors get stable types; the unexpected reveals nothing. */
class ProblemExceptionHandlerTests {

	private final ProblemExceptionHandler handler = new ProblemExceptionHandler() {
	};

	private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("POST", "/api/jobs"));

	@Test
	void givenAWrongContentTypeThenThe415HasATypeAndCodeFromItsStatus() throws Exception {
		ResponseEntity<Object> response = this.handler.handleException(
				new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN, List.of(MediaType.APPLICATION_JSON)),
				this.request);

		ProblemDetail problem = (ProblemDetail) response.getBody();
		assertThat(response.getStatusCode().value()).isEqualTo(415);
		assertThat(problem.getType()).hasToString("https://fleetjobs.dev/problems/unsupported-media-type");
		assertThat(problem.getProperties()).containsEntry("errorCode", "UNSUPPORTED_MEDIA_TYPE");
		assertThat(problem.getDetail()).isEqualTo("Content-Type 'text/plain' is not supported.");
	}

	@Test
	void givenAMethodTheApiDoesNotHaveThenThe405HasATypeAndCodeFromItsStatus() throws Exception {
		ResponseEntity<Object> response = this.handler
			.handleException(new HttpRequestMethodNotSupportedException("DELETE", List.of("POST")), this.request);

		ProblemDetail problem = (ProblemDetail) response.getBody();
		assertThat(problem.getType()).hasToString("https://fleetjobs.dev/problems/method-not-allowed");
		assertThat(problem.getProperties()).containsEntry("errorCode", "METHOD_NOT_ALLOWED");
	}

	@Test
	void givenAnUnexpectedFailureThenA500SaysOnlyThatItWasLogged() {
		ResponseEntity<ProblemDetail> response = this.handler
			.unexpected(new IllegalStateException("password=hunter2 in a message"));

		assertThat(response.getStatusCode().value()).isEqualTo(500);
		assertThat(response.getBody().getType()).hasToString("https://fleetjobs.dev/problems/internal-error");
		assertThat(response.getBody().getDetail()).isEqualTo("an unexpected error occurred; it has been logged")
			.doesNotContain("hunter2");
		assertThat(Problems.type("JOB_NOT_FOUND")).hasToString("https://fleetjobs.dev/problems/job-not-found");
	}

}
