package dev.fleetjobs.executor.hub;

import java.time.Clock;

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
 * Builds the SDK client: from the connection string alone (Azure), or, with an endpoint
 * override, from the endpoint and a SAS credential signed from the connection string (the
 * emulator on a high port). Installs the trust store first when one is configured.
 */
@Configuration(proxyBeanMethods = false)
class IotHubConfiguration {

	private static final Logger log = LoggerFactory.getLogger(IotHubConfiguration.class);

	@Bean
	HubConnection hubConnection(IotHubProperties properties, Clock clock) {
		if (properties.trustStore() != null) {
			HubTrust.install(properties.trustStore(), properties.trustStorePassword());
		}
		int connect = (int) Math.max(1, properties.connectTimeout().toSeconds());
		int read = (int) Math.max(1, properties.readTimeout().toSeconds());
		ScheduledJobsClientOptions options = ScheduledJobsClientOptions.builder()
			.httpConnectTimeoutSeconds(connect)
			.httpReadTimeoutSeconds(read)
			.build();
		QueryClientOptions queryOptions = QueryClientOptions.builder()
			.httpConnectTimeoutSeconds(connect)
			.httpReadTimeoutSeconds(read)
			.build();
		if (!properties.hasEndpoint()) {
			log.info("IoT Hub: connection string (SDK-signed tokens)");
			return new HubConnection(new ScheduledJobsClient(properties.connectionString(), options),
					new QueryClient(properties.connectionString(), queryOptions), null);
		}
		SasCredentials credentials = new SasCredentials(properties.connectionString(), properties.sasRenewBefore(),
				clock);
		log.info("IoT Hub: endpoint {} with {}", properties.endpoint(), credentials);
		return new HubConnection(new ScheduledJobsClient(properties.endpoint(), credentials.credential(), options),
				new QueryClient(properties.endpoint(), credentials.credential(), queryOptions), credentials);
	}

}
