package dev.fleetjobs.status.tracking;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.lifecycle.JobCancelFailed;
import dev.fleetjobs.contracts.lifecycle.JobCancelled;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobRejected;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.contracts.rollout.DevicesJoined;
import dev.fleetjobs.contracts.rollout.RetryScheduled;
import dev.fleetjobs.contracts.rollout.RolloutAborted;
import dev.fleetjobs.contracts.rollout.RolloutAccepted;
import dev.fleetjobs.contracts.rollout.RolloutEnded;
import dev.fleetjobs.contracts.rollout.RolloutPaused;
import dev.fleetjobs.contracts.rollout.RolloutResumed;
import dev.fleetjobs.contracts.rollout.WaveCompleted;
import dev.fleetjobs.contracts.rollout.WaveStarted;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Inbound adapter: the lifecycle events of this instance's {@code fleetjobs.lifecycle}
 * partitions (read_committed; the consumer group splits the partitions, and so the jobs,
 * among instances), the jobs' and the rollouts'. One line per event; errors go to the
 * error handler, and from there to {@code fleetjobs.lifecycle.dlt}.
 */
@Component
@KafkaListener(id = "lifecycleTracking", topics = Topics.LIFECYCLE, groupId = "${spring.application.name}")
class LifecycleListener {

	private final TrackingService tracking;

	LifecycleListener(TrackingService tracking) {
		this.tracking = tracking;
	}

	@KafkaHandler
	public void onJobQueued(JobQueued event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		this.tracking.onQueued(LifecycleEvents.valid(event), partition);
	}

	@KafkaHandler
	public void onJobSubmitted(JobSubmitted event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		this.tracking.onSubmitted(LifecycleEvents.valid(event), partition);
	}

	@KafkaHandler
	public void onJobRejected(JobRejected event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		this.tracking.onRejected(LifecycleEvents.valid(event), partition);
	}

	@KafkaHandler
	public void onJobCancelled(JobCancelled event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		this.tracking.onCancelled(LifecycleEvents.valid(event), partition);
	}

	@KafkaHandler
	public void onJobCancelFailed(JobCancelFailed event) {
		LifecycleEvents.valid(event);
	}

	@KafkaHandler
	public void onRolloutAccepted(RolloutAccepted event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		this.tracking.onRolloutAccepted(LifecycleEvents.valid(event), partition);
	}

	@KafkaHandler
	public void onDevicesJoined(DevicesJoined event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		this.tracking.onDevicesJoined(LifecycleEvents.valid(event), partition);
	}

	@KafkaHandler
	public void onWaveStarted(WaveStarted event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		this.tracking.onWaveStarted(LifecycleEvents.valid(event), partition);
	}

	@KafkaHandler
	public void onWaveCompleted(WaveCompleted event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		this.tracking.onWaveCompleted(LifecycleEvents.valid(event), partition);
	}

	@KafkaHandler
	public void onRetryScheduled(RetryScheduled event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		this.tracking.onRetryScheduled(LifecycleEvents.valid(event), partition);
	}

	@KafkaHandler
	public void onRolloutAborted(RolloutAborted event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		this.tracking.onRolloutAborted(LifecycleEvents.valid(event), partition);
	}

	@KafkaHandler
	public void onRolloutPaused(RolloutPaused event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		this.tracking.onRolloutPaused(LifecycleEvents.valid(event), partition);
	}

	@KafkaHandler
	public void onRolloutResumed(RolloutResumed event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		this.tracking.onRolloutResumed(LifecycleEvents.valid(event), partition);
	}

	@KafkaHandler
	public void onRolloutEnded(RolloutEnded event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		this.tracking.onRolloutEnded(LifecycleEvents.valid(event), partition);
	}

	@KafkaHandler(isDefault = true)
	public void onOther(Object payload) {
		throw new InvalidLifecycleEventException(InvalidLifecycleEventException.WRONG_TYPE, null,
				"a " + payload.getClass().getSimpleName() + " is not a lifecycle event");
	}

}
