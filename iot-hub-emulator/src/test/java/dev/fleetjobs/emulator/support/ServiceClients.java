package dev.fleetjobs.emulator.support;

import java.time.Duration;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import com.microsoft.azure.sdk.iot.service.methods.DirectMethodsClient;
import com.microsoft.azure.sdk.iot.service.query.QueryClient;
import com.microsoft.azure.sdk.iot.service.registry.RegistryClient;
import com.microsoft.azure.sdk.iot.service.twin.TwinClient;

import dev.fleetjobs.emulator.IotHubEmulator;

/**
 * The official service clients, pointed at an emulator the documented way for non-default
 * ports: host-name constructors with {@code host:port} and a SAS credential.
 */
public record ServiceClients(RegistryClient registry, TwinClient twins, DirectMethodsClient methods, QueryClient query,
		ScheduledJobsClient jobs) {

	public static ServiceClients of(IotHubEmulator hub) {
		return of(hub, "iothubowner");
	}

	public static ServiceClients of(IotHubEmulator hub, String policy) {
		return withToken(hub, hub.sasToken(policy, Duration.ofHours(1)));
	}

	public static ServiceClients withToken(IotHubEmulator hub, String sasToken) {
		EmulatorTrust.install(hub);
		String host = hub.serviceHostName();
		AzureSasCredential credential = new AzureSasCredential(sasToken);
		return new ServiceClients(new RegistryClient(host, credential), new TwinClient(host, credential),
				new DirectMethodsClient(host, credential), new QueryClient(host, credential),
				new ScheduledJobsClient(host, credential));
	}

}
