package dev.fleetjobs.request.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.fleetjobs.contracts.request.JobRequest;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 of a request's definition (everything but its request id) as canonical JSON
 * (sorted properties and map keys). Two requests with the same request id are the same
 * request exactly when their fingerprints are equal. The fingerprint travels with the
 * command in the {@value #HEADER} header.
 */
public final class RequestFingerprint {

	public static final String HEADER = "fleetjobs_request_fingerprint";

	private static final JsonMapper CANONICAL = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(RequestFingerprint::sha256);

	private RequestFingerprint() {
	}

	public static String of(JobRequest request) {
		JobRequest definition = new JobRequest(null, request.target(), request.action(), request.startTime(),
				request.maxExecutionTimeInSeconds(), request.labels());
		return HexFormat.of().formatHex(SHA_256.get().digest(CANONICAL.writeValueAsBytes(definition)));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
