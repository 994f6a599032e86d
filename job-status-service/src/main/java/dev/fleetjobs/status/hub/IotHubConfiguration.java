package dev.fleetjobs.status.hub;

import java.nio.file.Files;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClientOptions;
import dev.fleetjobs.support.hub.HubTrust;
import dev.fleetjobs.support.hub.SasCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub clients this service uses: the official {@link ScheduledJobsClient} (job get
 * and list) and {@link HubQueries} ({@code devices.jobs}, the SDK's query call read in
 * one piece). With an {@code endpoint} they use the host-name constructors and one
 * renewed {@link AzureSasCredential}; without, the connection string. A trust store that
 * does not exist is ignored with a warning.
 */
@Configuration(proxyBeanMethods = false)
class IotHubConfiguration {

	private static final Logger log = LoggerFactory.getLogger(IotHubConfiguration.class);

	@Bean
	SasCredentialRenewer sasCredentialRenewer(IotHubProperties properties) {
		trust(properties);
		return new SasCredentialRenewer(
				new SasCredentials(properties.connectionString(), properties.renewBefore(), Clock.systemUTC()));
	}

	@Bean
	ScheduledJobsClient scheduledJobsClient(IotHubProperties properties, SasCredentialRenewer credentials) {
		int timeout = seconds(properties.httpTimeout());
		ScheduledJobsClientOptions options = ScheduledJobsClientOptions.builder()
			.httpConnectTimeoutSeconds(timeout)
			.httpReadTimeoutSeconds(timeout)
			.build();
		if (properties.hasEndpoint()) {
			return new ScheduledJobsClient(properties.endpoint(), credentials.credential(), options);
		}
		return new ScheduledJobsClient(properties.connectionString(), options);
	}

	@Bean
	HubQueries hubQueries(IotHubProperties properties, SasCredentialRenewer credentials, JsonMapper json) {
		String host = properties.hasEndpoint() ? properties.endpoint() : credentials.hostName();
		return new HubQueries(host, () -> credentials.credential().getSignature(), properties.httpTimeout(),
				tls(properties), json);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	private static void trust(IotHubProperties properties) {
		if (usableTrustStore(properties)) {
			HubTrust.install(properties.trustStore(), properties.trustStorePassword());
			log.info("IoT Hub calls trust the certificates in {} and the JVM's CAs", properties.trustStore());
		}
	}

	/** The TLS context of the queries' HTTP client: the same trust as the SDK's calls. */
	private static SSLContext tls(IotHubProperties properties) {
		if (properties.trustStore() != null && Files.isRegularFile(properties.trustStore())) {
			return HubTrust.context(properties.trustStore(), properties.trustStorePassword());
		}
		try {
			return SSLContext.getDefault();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean usableTrustStore(IotHubProperties properties) {
		if (properties.trustStore() == null) {
			return false;
		}
		if (!Files.isRegularFile(properties.trustStore())) {
			log.warn("The IoT Hub trust store {} does not exist; using the JVM's trusted CAs only",
					properties.trustStore());
			return false;
		}
		return true;
	}

	private static int seconds(Duration duration) {
		return (int) Math.max(1, duration.toSeconds());
	}

}
