package dev.fleetjobs.request.system;

import java.io.IOException;

import dev.fleetjobs.request.validation.ValidationProperties;
import dev.fleetjobs.support.problem.Problems;
import dev.fleetjobs.request.validation.Violation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what a request body may cost before anything reads it: a declared Content-Length
 * above {@code fleetjobs.validation.max-request-bytes} is a 413 at once, and a body
 * without one (chunked) is cut one byte past the limit, which the reader then refuses as
 * {@code TOO_LARGE}. Runs after the security filters, so only authenticated callers get
 * this far.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final int maxBytes;

	private final JsonMapper json;

	RequestSizeLimitFilter(ValidationProperties properties, JsonMapper json) {
		this.maxBytes = properties.maxRequestBytes();
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, Violation.TOO_LARGE,
					"Invalid job request", "the request is " + request.getContentLengthLong()
							+ " bytes, more than the limit of " + this.maxBytes);
			problem.setInstance(java.net.URI.create(request.getRequestURI()));
			response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), problem);
			return;
		}
		chain.doFilter(new LimitedRequest(request, this.maxBytes + 1L), response);
	}

	/** A request whose body ends after {@code limit} bytes. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream limited;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.limited == null) {
				this.limited = new LimitedInputStream(super.getInputStream(), this.limit);
			}
			return this.limited;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream in;

		private long remaining;

		LimitedInputStream(ServletInputStream in, long limit) {
			this.in = in;
			this.remaining = limit;
		}

		@Override
		public int read() throws IOException {
			if (this.remaining <= 0) {
				return -1;
			}
			int b = this.in.read();
			if (b >= 0) {
				this.remaining--;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.remaining <= 0) {
				return -1;
			}
			int read = this.in.read(buffer, offset, (int) Math.min(length, this.remaining));
			if (read > 0) {
				this.remaining -= read;
			}
			return read;
		}

		@Override
		public boolean isFinished() {
			return this.remaining <= 0 || this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
