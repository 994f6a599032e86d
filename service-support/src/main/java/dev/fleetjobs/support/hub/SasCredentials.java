package dev.fleetjobs.support.hub;

import java.time.Clock;
import java.time.Duration;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.auth.IotHubConnectionString;
import com.microsoft.azure.sdk.iot.service.auth.IotHubConnectionStringBuilder;
import com.microsoft.azure.sdk.iot.service.auth.IotHubServiceSasToken;

/**
 * A service SAS token for the SDK's host-name constructors (an endpoint override, e.g.
 * the emulator on a high port), signed by the SDK's own {@link IotHubServiceSasToken}
 * from the connection string's policy key (its resource is the connection string's host
 * name) and replaced in the same {@link AzureSasCredential} shortly before it expires.
 * Shared by job-executor-service (which renews before each call) and job-status-service
 * (which renews on a timer). Neither the key nor a token is ever in {@link #toString()}.
 */
public final class SasCredentials {

	private final IotHubConnectionString connectionString;

	private final AzureSasCredential credential;

	private final Duration renewBefore;

	private final Clock clock;

	private volatile long expiresAtMillis;

	/**
	 * @param connectionString a service connection string (a secret)
	 * @param renewBefore how long before its expiry a token is replaced
	 * @param clock the time {@link #renewIfDue()} compares with the expiry
	 */
	public SasCredentials(String connectionString, Duration renewBefore, Clock clock) {
		this.connectionString = IotHubConnectionStringBuilder.createIotHubConnectionString(connectionString);
		this.renewBefore = renewBefore;
		this.clock = clock;
		IotHubServiceSasToken token = new IotHubServiceSasToken(this.connectionString);
		this.credential = new AzureSasCredential(token.toString());
		this.expiresAtMillis = token.getExpiryTimeMillis();
	}

	/** The credential to give the SDK clients; its token is replaced in place. */
	public AzureSasCredential credential() {
		return this.credential;
	}

	/** Replaces the token when it expires within the renewal margin. */
	public void renewIfDue() {
		if (this.clock.millis() < renewAtMillis()) {
			return;
		}
		synchronized (this) {
			if (this.clock.millis() >= renewAtMillis()) {
				IotHubServiceSasToken token = new IotHubServiceSasToken(this.connectionString);
				this.credential.update(token.toString());
				this.expiresAtMillis = token.getExpiryTimeMillis();
			}
		}
	}

	/** The hub's host name, from the connection string. */
	public String hostName() {
		return this.connectionString.getHostName();
	}

	/** When the current token expires (epoch millis). */
	public long expiresAtMillis() {
		return this.expiresAtMillis;
	}

	/** When the current token is due for renewal (epoch millis). */
	public long renewAtMillis() {
		return this.expiresAtMillis - this.renewBefore.toMillis();
	}

	@Override
	public String toString() {
		return "SasCredentials[host=" + this.connectionString.getHostName() + ", expiresAt=" + this.expiresAtMillis
				+ "]";
	}

}
