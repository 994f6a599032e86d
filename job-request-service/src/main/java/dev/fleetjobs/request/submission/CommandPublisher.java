package dev.fleetjobs.request.submission;

import java.util.concurrent.CompletableFuture;

import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.ScheduleJob;

/** Publishes commands on {@code fleetjobs.commands}, keyed by jobId. */
interface CommandPublisher {

	/**
	 * Publishes a ScheduleJob.
	 * @param command the command
	 * @param fingerprint the request definition's fingerprint, kept with the command so
	 * that the idempotency index can be rebuilt
	 * @return completes when the broker acked the command
	 */
	CompletableFuture<Void> schedule(ScheduleJob command, String fingerprint);

	/**
	 * @return completes when the broker acked the command
	 */
	CompletableFuture<Void> cancel(CancelJob command);

}
