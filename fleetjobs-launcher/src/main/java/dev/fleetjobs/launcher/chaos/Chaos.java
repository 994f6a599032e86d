package dev.fleetjobs.launcher.chaos;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Small helpers of the chaos scenario. */
final class Chaos {

	static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** job-request-service's namespace for jobIds derived from request ids. */
	private static final UUID REQUEST_ID_NAMESPACE = UUID.fromString("f996658b-2a96-44d8-8016-2b7621b4f259");

	private Chaos() {
	}

	/**
	 * The jobId job-request-service gives a request id: a UUID version 5 (RFC 9562) of
	 * the id in its namespace, as its README documents.
	 */
	static String jobIdOf(String requestId) {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			sha1.update(ByteBuffer.allocate(16)
				.putLong(REQUEST_ID_NAMESPACE.getMostSignificantBits())
				.putLong(REQUEST_ID_NAMESPACE.getLeastSignificantBits())
				.array());
			byte[] hash = sha1.digest(requestId.getBytes(StandardCharsets.UTF_8));
			hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
			hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
			ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
			return new UUID(bytes.getLong(), bytes.getLong()).toString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(Math.max(0, millis));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
