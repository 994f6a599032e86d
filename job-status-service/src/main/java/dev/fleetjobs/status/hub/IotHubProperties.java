package dev.fleetjobs.status.hub;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach IoT Hub (the same keys as job-executor-service). Against Azure the
 * connection string alone is enough; against the emulator on a non-default port,
 * {@code endpoint} names {@code host:port} and the SDK's host-name constructors get a SAS
 * credential signed from the connection string's key and renewed before it expires.
 *
 * @param connectionString a service connection string (a secret; never logged)
 * @param endpoint {@code host:port} to call instead of the connection string's host;
 * empty or {@code null} to use the connection string's host (Azure)
 * @param trustStore a PKCS12 or JKS trust store whose certificates are trusted in
 * addition to the JVM's (e.g. the emulator's {@code ca.p12}); ignored when the file does
 * not exist
 * @param trustStorePassword the trust store's password (a secret)
 * @param httpTimeout connect and read timeout of each hub call
 * @param renewBefore how long before its expiry the SAS credential is renewed
 */
@Validated
@ConfigurationProperties("fleetjobs.iot-hub")
record IotHubProperties(@NotBlank String connectionString,
		@Pattern(regexp = "|[A-Za-z0-9_.\\-]+:[0-9]{1,5}") String endpoint, Path trustStore, String trustStorePassword,
		@NotNull @DefaultValue("10s") Duration httpTimeout, @NotNull @DefaultValue("10m") Duration renewBefore) {

	/** Whether calls go to {@code endpoint} rather than the connection string's host. */
	boolean hasEndpoint() {
		return this.endpoint != null && !this.endpoint.isBlank();
	}

	@Override
	public String toString() {
		return "IotHubProperties[connectionString=****, endpoint=" + this.endpoint + ", trustStore=" + this.trustStore
				+ ", trustStorePassword=****, httpTimeout=" + this.httpTimeout + ", renewBefore=" + this.renewBefore
				+ "]";
	}

}
