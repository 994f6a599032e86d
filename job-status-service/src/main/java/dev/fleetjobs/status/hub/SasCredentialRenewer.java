package dev.fleetjobs.status.hub;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.auth.IotHubConnectionString;
import com.microsoft.azure.sdk.iot.service.auth.IotHubConnectionStringBuilder;
import com.microsoft.azure.sdk.iot.service.auth.IotHubServiceSasToken;
import dev.fleetjobs.status.system.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * One {@link AzureSasCredential} for the host-name constructors, signed by the SDK's own
 * {@link IotHubServiceSasToken} from the connection string's policy key (one hour), and
 * updated in place {@code renewBefore} its expiry. Neither the key nor a token is logged.
 */
class SasCredentialRenewer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SasCredentialRenewer.class);

	private final IotHubConnectionString connectionString;

	private final Duration renewBefore;

	private final AzureSasCredential credential;

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(DaemonThreads.named("iot-hub-sas-renewal"));

	SasCredentialRenewer(String connectionString, Duration renewBefore) {
		this.connectionString = IotHubConnectionStringBuilder.createIotHubConnectionString(connectionString);
		this.renewBefore = renewBefore;
		IotHubServiceSasToken token = new IotHubServiceSasToken(this.connectionString);
		this.credential = new AzureSasCredential(token.toString());
		scheduleRenewal(token);
	}

	AzureSasCredential credential() {
		return this.credential;
	}

	private void renew() {
		try {
			IotHubServiceSasToken token = new IotHubServiceSasToken(this.connectionString);
			this.credential.update(token.toString());
			log.debug("Renewed the IoT Hub SAS credential; it expires at {}",
					Instant.ofEpochMilli(token.getExpiryTimeMillis()));
			scheduleRenewal(token);
		}
		catch (RuntimeException ex) {
			log.warn("Could not renew the IoT Hub SAS credential ({}); retrying in 30 s",
					ex.getClass().getSimpleName());
			this.scheduler.schedule(this::renew, 30, TimeUnit.SECONDS);
		}
	}

	private void scheduleRenewal(IotHubServiceSasToken token) {
		long delay = token.getExpiryTimeMillis() - System.currentTimeMillis() - this.renewBefore.toMillis();
		this.scheduler.schedule(this::renew, Math.max(delay, 1_000), TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
