package dev.fleetjobs.support.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.fleetjobs.support.problem.Problems;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for the errors that never reach Spring, such as a {@code %2F} in
 * a path ({@code Invalid URI: [The encoded slash character is not allowed]}) or an
 * unparsable request line: an {@code application/problem+json} body with the same type
 * URIs and {@code errorCode} as the services' own problems, instead of Tomcat's HTML page
 * with its version. Responses that already have a body (Spring's error handling) are left
 * alone. {@link ConnectionLimits} makes this the host's error report valve.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()
				|| !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String code = (known != null) ? known.name() : "HTTP_" + status;
		String title = (known != null) ? known.getReasonPhrase() : "HTTP " + status;
		String message = response.getMessage();
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", Problems.type(code).toString());
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", (message == null || message.isBlank()) ? title : message);
		problem.put("errorCode", code);
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			OutputStream out = response.getOutputStream();
			JSON.writeValue(out, problem);
			response.finishResponse();
		}
		catch (IOException | RuntimeException ex) {
			// the client is gone or the response cannot be written: nothing more to
			// report
		}
	}

}
