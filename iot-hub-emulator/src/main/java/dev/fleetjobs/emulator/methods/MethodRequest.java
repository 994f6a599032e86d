package dev.fleetjobs.emulator.methods;

import java.time.Duration;

import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/** A direct-method call as the service sends it (iot-hub-protocol.md §1.4). */
public record MethodRequest(String methodName, JsonNode payload, Duration responseTimeout, Duration connectTimeout) {

	/** The hub's payload limit: 128 KB. */
	public static final int MAX_PAYLOAD_BYTES = 128 * 1024;

	public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

	private static final String FORBIDDEN = "$()<>@,;:\\\"/[]?={} \t";

	public MethodRequest {
		payload = (payload != null) ? payload : NullNode.getInstance();
		responseTimeout = (responseTimeout != null) ? responseTimeout : DEFAULT_RESPONSE_TIMEOUT;
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ZERO;
	}

	/** Checks the hub's rules; throws the hub's 400 with what is wrong. */
	public byte[] validatedPayload() {
		if (this.methodName == null || this.methodName.isEmpty()) {
			throw IotHubErrors.argumentNull("The methodName is missing.");
		}
		for (char c : this.methodName.toCharArray()) {
			if (c < 0x21 || c > 0x7e || FORBIDDEN.indexOf(c) >= 0) {
				throw IotHubErrors.argumentInvalid("The method name '" + this.methodName
						+ "' is invalid: use printable US-ASCII without $ ( ) < > @ , ; : \\ \" / [ ] ? = { } or spaces.");
			}
		}
		checkRange("responseTimeoutInSeconds", this.responseTimeout, 5);
		checkRange("connectTimeoutInSeconds", this.connectTimeout, 0);
		byte[] bytes = Json.bytes(this.payload);
		if (bytes.length > MAX_PAYLOAD_BYTES) {
			throw IotHubErrors.argumentInvalid("The method payload is " + bytes.length + " bytes; the hub's limit is "
					+ MAX_PAYLOAD_BYTES + " bytes (128 KB).");
		}
		return bytes;
	}

	private static void checkRange(String name, Duration value, int min) {
		long seconds = value.toSeconds();
		if (seconds < min || seconds > 300) {
			throw IotHubErrors.argumentInvalid(name + " is " + seconds + "; it must be between " + min + " and 300.");
		}
	}

}
