package dev.fleetjobs.e2e.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.fleetjobs.e2e.support.TopicTail;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends raw HTTP requests (any bytes, any headers) and checks that the answer is a clear
 * RFC 9457 refusal.
 */
final class RestProbe {

	static final String PROBLEM_BASE = "https://fleetjobs.dev/problems/";

	private static final String AUTH_HINT = "or a bearer JWT; ";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** An HTTP answer. */
	record Answer(int status, String contentType, String body) {

		JsonNode problem() {
			return TopicTail.JSON.readTree(this.body);
		}

	}

	Answer send(String method, String url, Map<String, String> headers, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new AssertionError(method + " " + url + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/**
	 * Asserts a problem+json refusal with the status, the {@code type} of the code and,
	 * when given, the field; returns e.g. {@code 400 unknown-field (field: labelz)}.
	 */
	static String assertProblem(Answer answer, int status, String code, String field) {
		assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
		assertThat(answer.contentType()).as("content type").startsWith("application/problem+json");
		JsonNode problem = answer.problem();
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("type").asString()).as("type of %s", answer.body()).isEqualTo(PROBLEM_BASE + code);
		assertThat(problem.path("detail").asString()).as("detail").isNotBlank();
		String summary = status + " " + code;
		if (field != null) {
			assertThat(problem.path("field").asString()).as("field of %s", answer.body()).isEqualTo(field);
			summary += " (field " + field + ")";
		}
		String detail = problem.path("detail").asString();
		// 401s start with how to authenticate; the table shows why this attempt failed.
		int why = detail.indexOf(AUTH_HINT);
		return summary + ": " + abbreviate((why >= 0) ? detail.substring(why + AUTH_HINT.length()) : detail);
	}

	static String abbreviate(String text) {
		String line = text.replaceAll("\\s+", " ");
		return (line.length() > 110) ? line.substring(0, 107) + "..." : line;
	}

}
