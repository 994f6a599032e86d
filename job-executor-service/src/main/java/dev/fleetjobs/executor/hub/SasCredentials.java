package dev.fleetjobs.executor.hub;

import java.time.Clock;
import java.time.Duration;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.auth.IotHubConnectionString;
import com.microsoft.azure.sdk.iot.service.auth.IotHubConnectionStringBuilder;
import com.microsoft.azure.sdk.iot.service.auth.IotHubServiceSasToken;

/**
 * A service SAS token for the SDK's host-name constructors, signed by the SDK from the
 * connection string's policy key (its resource is the connection string's host name) and
 * replaced in the same {@link AzureSasCredential} shortly before it expires.
 */
final class SasCredentials {

	private final IotHubConnectionString connectionString;

	private final AzureSasCredential credential;

	private final Duration renewBefore;

	private final Clock clock;

	private volatile long expiresAtMillis;

	SasCredentials(String connectionString, Duration renewBefore, Clock clock) {
		this.connectionString = IotHubConnectionStringBuilder.createIotHubConnectionString(connectionString);
		this.renewBefore = renewBefore;
		this.clock = clock;
		IotHubServiceSasToken token = new IotHubServiceSasToken(this.connectionString);
		this.credential = new AzureSasCredential(token.toString());
		this.expiresAtMillis = token.getExpiryTimeMillis();
	}

	AzureSasCredential credential() {
		return this.credential;
	}

	/** Replaces the token when it expires within the renewal margin. */
	void renewIfDue() {
		if (this.clock.millis() < this.expiresAtMillis - this.renewBefore.toMillis()) {
			return;
		}
		synchronized (this) {
			if (this.clock.millis() >= this.expiresAtMillis - this.renewBefore.toMillis()) {
				IotHubServiceSasToken token = new IotHubServiceSasToken(this.connectionString);
				this.credential.update(token.toString());
				this.expiresAtMillis = token.getExpiryTimeMillis();
			}
		}
	}

	long expiresAtMillis() {
		return this.expiresAtMillis;
	}

	@Override
	public String toString() {
		return "SasCredentials[host=" + this.connectionString.getHostName() + ", expiresAt=" + this.expiresAtMillis
				+ "]";
	}

}
