package dev.fleetjobs.emulator.registry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * A registered device identity with symmetric keys and gateway scopes (see
 * {@link DeviceScopes}). Immutable; updates make a new one.
 */
public record Device(String deviceId, String generationId, long version, DeviceStatus status, String statusReason,
		Instant statusUpdatedTime, String primaryKey, String secondaryKey, boolean iotEdge, String deviceScope,
		List<String> parentScopes) {

	/** The device etag, as the hub writes it (base64 of a counter, e.g. "MQ=="). */
	public String etag() {
		return Base64.getEncoder().encodeToString(Long.toString(this.version).getBytes(StandardCharsets.US_ASCII));
	}

	public boolean enabled() {
		return this.status == DeviceStatus.ENABLED;
	}

	@Override
	public String toString() {
		return "Device[deviceId=" + this.deviceId + ", status=" + this.status + ", version=" + this.version
				+ ", keys=***]";
	}

}
