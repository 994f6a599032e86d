package dev.fleetjobs.status.hub;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClientOptions;
import com.microsoft.azure.sdk.iot.service.query.QueryClient;
import com.microsoft.azure.sdk.iot.service.query.QueryClientOptions;
import dev.fleetjobs.support.hub.HubTrust;
import dev.fleetjobs.support.hub.SasCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The official service clients this service uses: {@link ScheduledJobsClient} (job get
 * and list) and {@link QueryClient} ({@code devices.jobs}). With an {@code endpoint} they
 * use the host-name constructors and one renewed {@link AzureSasCredential}; without, the
 * connection string. A trust store that does not exist is ignored with a warning.
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
	QueryClient queryClient(IotHubProperties properties, SasCredentialRenewer credentials) {
		int timeout = seconds(properties.httpTimeout());
		QueryClientOptions options = QueryClientOptions.builder()
			.httpConnectTimeoutSeconds(timeout)
			.httpReadTimeoutSeconds(timeout)
			.build();
		if (properties.hasEndpoint()) {
			return new QueryClient(properties.endpoint(), credentials.credential(), options);
		}
		return new QueryClient(properties.connectionString(), options);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	private static void trust(IotHubProperties properties) {
		if (properties.trustStore() == null) {
			return;
		}
		if (!Files.isRegularFile(properties.trustStore())) {
			log.warn("The IoT Hub trust store {} does not exist; using the JVM's trusted CAs only",
					properties.trustStore());
			return;
		}
		HubTrust.install(properties.trustStore(), properties.trustStorePassword());
		log.info("IoT Hub calls trust the certificates in {} and the JVM's CAs", properties.trustStore());
	}

	private static int seconds(Duration duration) {
		return (int) Math.max(1, duration.toSeconds());
	}

}
