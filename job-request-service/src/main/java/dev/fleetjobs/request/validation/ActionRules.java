package dev.fleetjobs.request.validation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.contracts.request.JobAction;
import dev.fleetjobs.contracts.request.MethodInvocation;
import dev.fleetjobs.contracts.request.TwinPatch;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's rules for direct methods (name, 128 KB payload, timeouts) and twin patches
 * (key names, depth, sizes).
 */
final class ActionRules {

	static final int MAX_METHOD_PAYLOAD_BYTES = 128 * 1024;

	static final int MAX_DESIRED_BYTES = 32 * 1024;

	static final int MAX_TAGS_BYTES = 8 * 1024;

	static final int MAX_TWIN_DEPTH = 10;

	static final int MAX_TWIN_STRING_BYTES = 4 * 1024;

	private static final String METHOD_NAME_FORBIDDEN = "$()<>@,;:\\\"/[]?={} \t";

	private final JsonMapper json;

	ActionRules(JsonMapper json) {
		this.json = json;
	}

	/** The method with its defaults filled in, or {@code null}. */
	MethodInvocation method(JobAction action, List<Violation> violations) {
		MethodInvocation method = action.directMethod();
		String name = method.methodName();
		String field = "action.directMethod.methodName";
		if (name == null || name.isEmpty()) {
			violations.add(Violation.invalid(field, "is required"));
		}
		else if (name.length() > 128) {
			violations.add(Violation.invalid(field, "at most 128 characters"));
		}
		else {
			name.chars()
				.filter((c) -> c < 0x20 || c > 0x7e || METHOD_NAME_FORBIDDEN.indexOf(c) >= 0)
				.findFirst()
				.ifPresent((c) -> violations.add(Violation.invalid(field, "must not contain " + describe((char) c)
						+ " (printable US-ASCII without $ ( ) < > @ , ; : \\ \" / [ ] ? = { } space or tab)")));
		}
		int payloadBytes = this.json.writeValueAsBytes(method.payload()).length;
		if (payloadBytes > MAX_METHOD_PAYLOAD_BYTES) {
			violations.add(Violation.invalid("action.directMethod.payload",
					payloadBytes + " bytes of JSON, more than the hub's 128 KB"));
		}
		int response = (method.responseTimeoutInSeconds() != null) ? method.responseTimeoutInSeconds()
				: MethodInvocation.DEFAULT_RESPONSE_TIMEOUT_IN_SECONDS;
		int connect = (method.connectTimeoutInSeconds() != null) ? method.connectTimeoutInSeconds()
				: MethodInvocation.DEFAULT_CONNECT_TIMEOUT_IN_SECONDS;
		if (response < 5 || response > 300) {
			violations.add(Violation.invalid("action.directMethod.responseTimeoutInSeconds", "must be 5..300"));
		}
		if (connect < 0 || connect > 300) {
			violations.add(Violation.invalid("action.directMethod.connectTimeoutInSeconds", "must be 0..300"));
		}
		return new MethodInvocation(name, method.payload(), response, connect);
	}

	/** Checks a twin patch in place. */
	void twin(TwinPatch patch, List<Violation> violations) {
		boolean noDesired = patch.desiredProperties() == null || patch.desiredProperties().isEmpty();
		boolean noTags = patch.tags() == null || patch.tags().isEmpty();
		if (noDesired && noTags) {
			violations.add(Violation.invalid("action.twinUpdate", "give desiredProperties and/or tags"));
			return;
		}
		document("action.twinUpdate.desiredProperties", patch.desiredProperties(), MAX_DESIRED_BYTES, violations);
		document("action.twinUpdate.tags", patch.tags(), MAX_TAGS_BYTES, violations);
	}

	private void document(String field, Map<String, Object> document, int maxBytes, List<Violation> violations) {
		if (document == null) {
			return;
		}
		int bytes = this.json.writeValueAsBytes(document).length;
		if (bytes > maxBytes) {
			violations.add(Violation.invalid(field, bytes + " bytes of JSON, more than the hub's " + maxBytes));
			return;
		}
		walk(field, document, 1, violations);
	}

	private void walk(String field, Map<?, ?> object, int depth, List<Violation> violations) {
		if (depth > MAX_TWIN_DEPTH) {
			violations.add(Violation.invalid(field, "nested deeper than the hub's " + MAX_TWIN_DEPTH + " levels"));
			return;
		}
		object.forEach((key, value) -> {
			String name = String.valueOf(key);
			String path = field + "." + name;
			if (name.isEmpty() || name.chars().anyMatch((c) -> c == '.' || c == '$' || c == ' ' || c < 0x20)) {
				violations.add(Violation.invalid(path, "twin property names must not be empty or contain '.', '$', "
						+ "spaces or control characters"));
			}
			else if (value instanceof Map<?, ?> child) {
				walk(path, child, depth + 1, violations);
			}
			else if (value instanceof String text
					&& text.getBytes(StandardCharsets.UTF_8).length > MAX_TWIN_STRING_BYTES) {
				violations.add(Violation.invalid(path, "string values are at most 4 KB"));
			}
		});
	}

	private static String describe(char c) {
		return switch (c) {
			case ' ' -> "a space";
			case '\t' -> "a tab";
			default -> (c < 0x20 || c > 0x7e) ? String.format("U+%04X", (int) c) : "'" + c + "'";
		};
	}

}
