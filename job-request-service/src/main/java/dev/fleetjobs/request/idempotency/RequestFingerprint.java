package dev.fleetjobs.request.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fleetjobs.contracts.request.JobAction;
import dev.fleetjobs.contracts.request.JobRequest;
import dev.fleetjobs.contracts.request.JobTarget;
import dev.fleetjobs.contracts.rollout.Rollout;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 of a request's definition (everything but its request id, the rollout
 * included) as canonical JSON (fixed property order, sorted map keys). Two requests with
 * the same request id are the same request exactly when their fingerprints are equal. The
 * fingerprint travels with the command in the {@value #HEADER} header.
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
		Definition definition = new Definition(null, request.target(), request.action(), request.startTime(),
				request.maxExecutionTimeInSeconds(), request.labels(), request.rollout());
		return HexFormat.of().formatHex(SHA_256.get().digest(CANONICAL.writeValueAsBytes(definition)));
	}

	/**
	 * A {@link JobRequest} as fingerprinted: the same properties in the same order, and
	 * no {@code rollout} member when there is none, so that a request without a rollout
	 * has the fingerprint it had before rollouts existed (commands from then are still in
	 * the topic, and their resubmissions must stay duplicates, not conflicts).
	 */
	private record Definition(String requestId, JobTarget target, JobAction action, Instant startTime,
			Long maxExecutionTimeInSeconds, Map<String, String> labels,
			@JsonInclude(JsonInclude.Include.NON_NULL) Rollout rollout) {
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
