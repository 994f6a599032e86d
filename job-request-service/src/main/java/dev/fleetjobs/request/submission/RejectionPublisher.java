package dev.fleetjobs.request.submission;

import java.util.concurrent.CompletableFuture;

import dev.fleetjobs.contracts.request.JobRequestRejected;

/**
 * Refuses a Kafka request: the original record goes to {@code fleetjobs.requests.dlt}
 * with the reason in headers, and the rejection event to
 * {@code fleetjobs.request-rejections}.
 */
interface RejectionPublisher {

	/**
	 * @return completes when the broker acked both records
	 */
	CompletableFuture<Void> reject(IncomingRecord record, JobRequestRejected rejection);

}
