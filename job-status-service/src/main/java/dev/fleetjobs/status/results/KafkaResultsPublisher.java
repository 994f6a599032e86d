package dev.fleetjobs.status.results;

import java.util.List;
import java.util.function.Supplier;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.status.hub.HubCallException;
import dev.fleetjobs.status.system.TransactionalEvents;

import org.springframework.stereotype.Component;

/**
 * One transaction per job: every {@code DeviceResult} on {@code fleetjobs.device-results}
 * and then the final {@code JobProgress} on {@code fleetjobs.progress}, all keyed by
 * jobId. A read_committed consumer sees all of them or none; a crash before the commit
 * aborts them, and the next owner publishes the whole batch again.
 */
@Component
class KafkaResultsPublisher implements ResultsPublisher {

	private final TransactionalEvents events;

	KafkaResultsPublisher(TransactionalEvents events) {
		this.events = events;
	}

	@Override
	public void publish(List<DeviceResult> results, JobProgress done) {
		this.events.inBulkTransaction((kafka) -> {
			for (DeviceResult result : results) {
				kafka.send(TransactionalEvents.event(Topics.DEVICE_RESULTS, result.jobId(), result));
			}
			kafka.send(TransactionalEvents.event(Topics.PROGRESS, done.jobId(), done));
		});
	}

	/**
	 * Each result goes to the producer as it is read (whose buffer, not the job's size,
	 * bounds the memory); the transaction commits with the final event, or aborts.
	 */
	@Override
	public JobProgress publishStreamed(ResultStream results, Supplier<JobProgress> finish) throws HubCallException {
		try {
			return this.events.bulkTransaction((kafka) -> {
				try {
					results.each((result) -> kafka
						.send(TransactionalEvents.event(Topics.DEVICE_RESULTS, result.jobId(), result)));
				}
				catch (HubCallException ex) {
					throw new Aborted(ex);
				}
				JobProgress done = finish.get();
				if (done == null) {
					throw new Aborted(null);
				}
				kafka.send(TransactionalEvents.event(Topics.PROGRESS, done.jobId(), done));
				return done;
			});
		}
		catch (Aborted ex) {
			if (ex.getCause() instanceof HubCallException failure) {
				throw failure;
			}
			return null;
		}
	}

	/** Aborts the transaction: the hub failed, or the results are not final yet. */
	private static final class Aborted extends RuntimeException {

		Aborted(HubCallException cause) {
			super(null, cause, false, false);
		}

	}

}
