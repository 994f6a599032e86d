package dev.fleetjobs.request.idempotency;

import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.NameBasedGenerator;

/**
 * How jobIds are made. The rule, reproducible in any language:
 * <ul>
 * <li>a request with a {@code requestId}: the name-based (version 5, SHA-1) UUID of the
 * request id's UTF-8 bytes in the namespace {@value #REQUEST_ID_NAMESPACE}, e.g. Python
 * {@code uuid.uuid5(uuid.UUID("f996658b-..."), request_id)};</li>
 * <li>a Kafka record without one: the version 5 UUID of
 * {@code <topic>/<partition>/<offset>} in the namespace {@value #RECORD_NAMESPACE}, so a
 * redelivered record maps to the same job;</li>
 * <li>a REST request without one: a random (version 4) UUID.</li>
 * </ul>
 */
public final class JobIds {

	public static final String REQUEST_ID_NAMESPACE = "f996658b-2a96-44d8-8016-2b7621b4f259";

	public static final String RECORD_NAMESPACE = "64d48d76-827b-451d-8b6a-f4582ff180e2";

	private static final NameBasedGenerator BY_REQUEST_ID = Generators
		.nameBasedGenerator(UUID.fromString(REQUEST_ID_NAMESPACE));

	private static final NameBasedGenerator BY_RECORD = Generators
		.nameBasedGenerator(UUID.fromString(RECORD_NAMESPACE));

	private static final Pattern HUB_JOB_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private JobIds() {
	}

	/** The jobId of every request that carries this request id. */
	public static String fromRequestId(String requestId) {
		return BY_REQUEST_ID.generate(requestId).toString();
	}

	/** The jobId of a Kafka record whose request carries no request id. */
	public static String fromRecord(String topic, int partition, long offset) {
		return BY_RECORD.generate(topic + "/" + partition + "/" + offset).toString();
	}

	/** A fresh jobId. */
	public static String random() {
		return UUID.randomUUID().toString();
	}

	/** Whether the hub accepts it as a jobId: at most 64 of {@code [A-Za-z0-9-]}. */
	public static boolean isValid(String jobId) {
		return jobId != null && HUB_JOB_ID.matcher(jobId).matches();
	}

}
