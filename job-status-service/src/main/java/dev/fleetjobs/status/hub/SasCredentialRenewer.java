package dev.fleetjobs.status.hub;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.azure.core.credential.AzureSasCredential;
import dev.fleetjobs.status.system.DaemonThreads;
import dev.fleetjobs.support.hub.SasCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Renews the shared {@link SasCredentials} on a timer, {@code renewBefore} the token's
 * expiry, so the query and jobs clients never see an expired token even when idle.
 * Neither the key nor a token is logged.
 */
class SasCredentialRenewer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SasCredentialRenewer.class);

	private final SasCredentials credentials;

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(DaemonThreads.named("iot-hub-sas-renewal"));

	SasCredentialRenewer(SasCredentials credentials) {
		this.credentials = credentials;
		scheduleRenewal();
	}

	AzureSasCredential credential() {
		return this.credentials.credential();
	}

	String hostName() {
		return this.credentials.hostName();
	}

	private void renew() {
		try {
			this.credentials.renewIfDue();
			log.debug("IoT Hub SAS credential checked; it expires at {}",
					Instant.ofEpochMilli(this.credentials.expiresAtMillis()));
			scheduleRenewal();
		}
		catch (RuntimeException ex) {
			log.warn("Could not renew the IoT Hub SAS credential ({}); retrying in 30 s",
					ex.getClass().getSimpleName());
			this.scheduler.schedule(this::renew, 30, TimeUnit.SECONDS);
		}
	}

	private void scheduleRenewal() {
		long delay = this.credentials.renewAtMillis() - System.currentTimeMillis();
		this.scheduler.schedule(this::renew, Math.max(delay, 1_000), TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
