package dev.fleetjobs.contracts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * CloudEvents 1.0 attributes, carried as Kafka headers (binary content mode of the Kafka
 * protocol binding), next to a JSON payload.
 */
public final class CloudEventHeaders {

	public static final String ID = "ce_id";

	public static final String SOURCE = "ce_source";

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String TYPE = "ce_type";

	public static final String TIME = "ce_time";

	public static final String SUBJECT = "ce_subject";

	/**
	 * The data content type (binary mode puts it in the Kafka {@code content-type}
	 * header).
	 */
	public static final String CONTENT_TYPE = "content-type";

	public static final String SPEC_VERSION_VALUE = "1.0";

	public static final String JSON = "application/json";

	private CloudEventHeaders() {
	}

	/**
	 * The CloudEvents headers of one event.
	 * @param payload the event or command record (its type names the CloudEvents type)
	 * @param source the URI-reference of the producing service, e.g.
	 * {@code /job-request-service}
	 * @param subject the jobId the event is about
	 * @return header name to value, in a stable order
	 */
	public static Map<String, String> of(Object payload, String source, String subject) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(ID, UUID.randomUUID().toString());
		headers.put(SOURCE, source);
		headers.put(SPEC_VERSION, SPEC_VERSION_VALUE);
		headers.put(TYPE, TypeNames.cloudEventType(payload.getClass()));
		headers.put(TIME, Instant.now().toString());
		if (subject != null) {
			headers.put(SUBJECT, subject);
		}
		headers.put(CONTENT_TYPE, JSON);
		return headers;
	}

}
