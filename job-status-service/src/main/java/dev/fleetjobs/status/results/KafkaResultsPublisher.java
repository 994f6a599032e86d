package dev.fleetjobs.status.results;

import java.util.List;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
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

}
