package dev.fleetjobs.executor.hub;

import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import dev.fleetjobs.support.hub.SasCredentials;

/**
 * The SDK client and, when this service signs its own SAS tokens (endpoint override), the
 * credentials to renew.
 *
 * @param jobs the scheduled jobs client
 * @param credentials the signed credentials, or {@code null} when the SDK signs itself
 */
record HubConnection(ScheduledJobsClient jobs, SasCredentials credentials) {

	void renewCredentialsIfDue() {
		if (this.credentials != null) {
			this.credentials.renewIfDue();
		}
	}

}
