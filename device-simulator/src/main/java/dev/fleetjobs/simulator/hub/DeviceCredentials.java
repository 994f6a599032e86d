package dev.fleetjobs.simulator.hub;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.microsoft.azure.sdk.iot.device.auth.IotHubSasToken;

/**
 * What a device needs to log in: its id, the hub's host name (no port) and its symmetric
 * key. {@link #toString()} never shows the key.
 */
public record DeviceCredentials(String deviceId, String hostName, String key) {

	/** Reads {@code HostName=...;DeviceId=...;SharedAccessKey=...}. */
	public static DeviceCredentials parse(String connectionString) {
		Map<String, String> fields = ConnectionStrings.parse(connectionString, "A device connection string");
		return new DeviceCredentials(ConnectionStrings.require(fields, "DeviceId", "A device connection string"),
				ConnectionStrings.require(fields, "HostName", "A device connection string"),
				ConnectionStrings.require(fields, "SharedAccessKey", "A device connection string"));
	}

	/**
	 * A device SAS token ({@code sr = host/devices/id}), signed by the device SDK's own
	 * token class.
	 */
	public String sasToken(Duration timeToLive) {
		long expiry = Instant.now().plus(timeToLive).getEpochSecond();
		return new IotHubSasToken(this.hostName, this.deviceId, this.key, null, null, expiry).toString();
	}

	@Override
	public String toString() {
		return "DeviceCredentials[deviceId=" + this.deviceId + ", hostName=" + this.hostName + ", key=(hidden)]";
	}

}
