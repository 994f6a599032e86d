package dev.fleetjobs.executor.hub;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The IoT Hub connection. Against Azure the connection string alone is enough. For the
 * emulator on an unprivileged port, {@code endpoint} names {@code host:port} (the service
 * SDK's connection-string constructor refuses a port) and {@code trustStore} its CA.
 * {@link #toString()} never shows the connection string or the password.
 *
 * @param connectionString
 * {@code HostName=...;SharedAccessKeyName=...;SharedAccessKey=...} (secret)
 * @param endpoint {@code host:port} to call instead of the connection string's host; SAS
 * tokens are then signed here from the connection string's key and renewed before expiry
 * @param trustStore a PKCS12 or JKS trust store added to the JVM's trusted CAs for the
 * hub's HTTPS calls, e.g. the emulator's {@code ca.p12}
 * @param trustStorePassword its password (secret)
 * @param connectTimeout the SDK's HTTP connect timeout
 * @param readTimeout the SDK's HTTP read timeout (a hub call never takes longer)
 * @param sasRenewBefore how long before expiry a signed SAS token is replaced
 */
@Validated
@ConfigurationProperties("fleetjobs.iot-hub")
record IotHubProperties(@NotBlank String connectionString, String endpoint, Path trustStore, String trustStorePassword,
		@NotNull @DefaultValue("5s") Duration connectTimeout, @NotNull @DefaultValue("10s") Duration readTimeout,
		@NotNull @DefaultValue("10m") Duration sasRenewBefore) {

	boolean hasEndpoint() {
		return this.endpoint != null && !this.endpoint.isBlank();
	}

	@Override
	public String toString() {
		return "IotHubProperties[connectionString=******, endpoint=" + this.endpoint + ", trustStore=" + this.trustStore
				+ ", trustStorePassword=******, connectTimeout=" + this.connectTimeout + ", readTimeout="
				+ this.readTimeout + ", sasRenewBefore=" + this.sasRenewBefore + "]";
	}

}
