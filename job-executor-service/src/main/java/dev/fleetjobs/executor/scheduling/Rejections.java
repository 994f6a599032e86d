package dev.fleetjobs.executor.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.contracts.command.ScheduleJob;

import org.springframework.stereotype.Component;

/**
 * A job refused for good: its {@code JobRejected} event and its dead letter, with the
 * hub's error code and message (or FleetJobs' own) in both.
 */
@Component
class Rejections {

	private static final Logger log = LoggerFactory.getLogger(Rejections.class);

	private final LifecyclePublisher publisher;

	private final LifecycleEvents events;

	private final SchedulingMetrics metrics;

	Rejections(LifecyclePublisher publisher, LifecycleEvents events, SchedulingMetrics metrics) {
		this.publisher = publisher;
		this.events = events;
		this.metrics = metrics;
	}

	void reject(ScheduleJob command, CommandOrigin origin, int httpStatus, String errorCode, String reason,
			String field) {
		log.info("Job {} rejected: {} {}", command.jobId(), errorCode, reason);
		if (CommandChecks.isJobId(command.jobId()) && command.jobType() != null) {
			this.publisher.publish(command.jobId(), origin.partition(),
					this.events.rejected(command, httpStatus, errorCode, reason));
		}
		this.publisher.deadLetter(new DeadLetter(origin, command, errorCode, reason, field));
		this.metrics.command("schedule", "rejected");
	}

}
