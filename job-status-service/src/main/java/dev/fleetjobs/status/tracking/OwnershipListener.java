package dev.fleetjobs.status.tracking;

import java.util.Collection;
import java.util.List;

import dev.fleetjobs.contracts.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Job ownership follows the consumer group's assignment of {@code fleetjobs.lifecycle}
 * partitions: an assigned partition's jobs are rebuilt before its first record is handed
 * to the listener; a revoked or lost one's are dropped (after any final transaction in
 * progress) before the partition moves on.
 */
@Component
class OwnershipListener implements ConsumerAwareRebalanceListener {

	private final TrackingService tracking;

	OwnershipListener(TrackingService tracking) {
		this.tracking = tracking;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		List<Integer> lifecycle = lifecycle(partitions);
		if (!lifecycle.isEmpty()) {
			this.tracking.assigned(lifecycle, consumer.partitionsFor(Topics.LIFECYCLE).size());
		}
	}

	@Override
	public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		this.tracking.revoked(lifecycle(partitions));
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		this.tracking.revoked(lifecycle(partitions));
	}

	private static List<Integer> lifecycle(Collection<TopicPartition> partitions) {
		return partitions.stream()
			.filter((partition) -> Topics.LIFECYCLE.equals(partition.topic()))
			.map(TopicPartition::partition)
			.toList();
	}

}
