package dev.fleetjobs.status.tracking;

import java.util.List;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.status.system.TransactionalEvents;

import org.springframework.stereotype.Component;

/**
 * Progress events on the compacted {@code fleetjobs.progress}, keyed by jobId, with
 * CloudEvents headers and the {@code JobProgress} type name, in one transaction.
 */
@Component
class KafkaProgressPublisher implements ProgressPublisher {

	private final TransactionalEvents events;

	KafkaProgressPublisher(TransactionalEvents events) {
		this.events = events;
	}

	@Override
	public void publish(List<JobProgress> progress) {
		try {
			this.events.inTransaction((kafka) -> progress
				.forEach((event) -> kafka.send(TransactionalEvents.event(Topics.PROGRESS, event.jobId(), event))));
		}
		catch (RuntimeException ex) {
			throw new PublishFailedException("progress of " + progress.size() + " job(s) not published", ex);
		}
	}

}
