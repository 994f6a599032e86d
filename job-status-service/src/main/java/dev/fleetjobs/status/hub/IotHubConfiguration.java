package dev.fleetjobs.status.hub;

import java.time.Clock;
import java.time.Duration;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClientOptions;
import com.microsoft.azure.sdk.iot.service.query.QueryClient;
import com.microsoft.azure.sdk.iot.service.query.QueryClientOptions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The official service clients this service uses: {@link ScheduledJobsClient} (job get
 * and list) and {@link QueryClient} ({@code devices.jobs}). With an {@code endpoint} they
 * use the host-name constructors and one renewed {@link AzureSasCredential}; without, the
 * connection string.
 */
@Configuration(proxyBeanMethods = false)
class IotHubConfiguration {

	@Bean
	SasCredentialRenewer sasCredentialRenewer(IotHubProperties properties) {
		TrustStores.install(properties.trustStore(), properties.trustStorePassword());
		return new SasCredentialRenewer(properties.connectionString(), properties.renewBefore());
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

	private static int seconds(Duration duration) {
		return (int) Math.max(1, duration.toSeconds());
	}

}
