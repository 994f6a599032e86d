package dev.fleetjobs.support.problem;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details with stable {@code type} URIs:
 * {@code https://fleetjobs.dev/problems/<code>}, e.g. {@code .../job-not-found}. Shared
 * because job-request-service and job-status-service promise clients the same type URIs
 * and the same {@code errorCode} property.
 */
public final class Problems {

	public static final String BASE = "https://fleetjobs.dev/problems/";

	private Problems() {
	}

	/** The type URI of an error code such as {@code JOB_NOT_FOUND}. */
	public static URI type(String code) {
		return URI.create(BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
	}

	/** A problem with a type derived from the code, and the code as a property. */
	public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(code));
		problem.setTitle(title);
		problem.setProperty("errorCode", code);
		return problem;
	}

}
