package dev.fleetjobs.simulator.hub;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the hub is and how to reach it. Either a service connection string (the simulator
 * provisions its devices), or a file of device connection strings (devices of a real hub
 * that already exist).
 *
 * @param connectionString a shared access policy with RegistryRead, RegistryWrite and
 * ServiceConnect (e.g. iothubowner); HostName without a port
 * @param httpsPort the hub's REST and MQTT-over-WebSocket port (443 on Azure)
 * @param mqttPort the hub's MQTT-over-TLS port (8883 on Azure)
 * @param caCertificate a PEM CA certificate to trust instead of the JVM's (the emulator's
 * {@code ca.pem}); unset for Azure
 * @param deviceConnectionStrings a file with one device connection string per line; when
 * set, nothing is provisioned
 * @param tokenTimeToLive lifetime of the SAS tokens the simulator signs
 */
@Validated
@ConfigurationProperties("fleetjobs.simulator.hub")
public record HubProperties(String connectionString, @DefaultValue("443") @Min(1) @Max(65535) int httpsPort,
		@DefaultValue("8883") @Min(1) @Max(65535) int mqttPort, Path caCertificate, Path deviceConnectionStrings,
		@DefaultValue("1h") @NotNull Duration tokenTimeToLive) {

	public HubProperties {
		if (isBlank(connectionString) && deviceConnectionStrings == null) {
			throw new IllegalArgumentException("Set fleetjobs.simulator.hub.connection-string (a service policy) "
					+ "or fleetjobs.simulator.hub.device-connection-strings (a file)");
		}
		connectionString = isBlank(connectionString) ? null : connectionString.trim();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	@Override
	public String toString() {
		return "HubProperties[connectionString=" + ((this.connectionString != null) ? "(hidden)" : "none")
				+ ", httpsPort=" + this.httpsPort + ", mqttPort=" + this.mqttPort + ", caCertificate="
				+ this.caCertificate + ", deviceConnectionStrings=" + this.deviceConnectionStrings
				+ ", tokenTimeToLive=" + this.tokenTimeToLive + "]";
	}

}
