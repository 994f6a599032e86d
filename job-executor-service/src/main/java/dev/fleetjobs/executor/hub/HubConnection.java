package dev.fleetjobs.executor.hub;

import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import com.microsoft.azure.sdk.iot.service.query.QueryClient;
import dev.fleetjobs.support.hub.SasCredentials;

/**
 * The SDK clients and, when this service signs its own SAS tokens (endpoint override),
 * the credentials to renew.
 *
 * @param jobs the scheduled jobs client
 * @param queries the query client (a rollout's targets)
 * @param credentials the signed credentials, or {@code null} when the SDK signs itself
 */
record HubConnection(ScheduledJobsClient jobs, QueryClient queries, SasCredentials credentials) {

	void renewCredentialsIfDue() {
		if (this.credentials != null) {
			this.credentials.renewIfDue();
		}
	}

}
