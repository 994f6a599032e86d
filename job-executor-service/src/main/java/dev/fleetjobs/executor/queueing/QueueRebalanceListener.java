package dev.fleetjobs.executor.queueing;

import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.executor.scheduling.CommandOrigin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger and the queue in step with the partitions this instance owns: an
 * assigned commands partition is rebuilt from the same lifecycle partition before its
 * first command is handled; a revoked or lost one is forgotten once the dispatcher is
 * done with its jobs.
 */
@Component
class QueueRebalanceListener implements ConsumerAwareRebalanceListener {

	private static final Logger log = LoggerFactory.getLogger(QueueRebalanceListener.class);

	private final LifecycleReplay replay;

	private final JobLedger ledger;

	private final WaitingRoom room;

	private final List<PartitionOwner> owners;

	QueueRebalanceListener(LifecycleReplay replay, JobLedger ledger, WaitingRoom room, List<PartitionOwner> owners) {
		this.replay = replay;
		this.ledger = ledger;
		this.room = room;
		this.owners = owners;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		List<Integer> arriving = commandPartitions(partitions);
		for (int partition : arriving) {
			long started = System.nanoTime();
			LifecycleFold fold = this.replay.read(partition);
			this.ledger.load(partition, fold.states());
			int waiting = 0;
			for (JobQueued queued : fold.waiting()) {
				this.room.add(new WaitingJob(queued.command(),
						CommandOrigin.rebuilt(Topics.COMMANDS, partition, queued.jobId()), queued.queuedAt(), 0,
						queued.reason()));
				waiting++;
			}
			log.info("Partition {}: rebuilt {} jobs ({} waiting) from {} lifecycle events in {} ms", partition,
					fold.states().size(), waiting, fold.events(), (System.nanoTime() - started) / 1_000_000);
		}
		if (!arriving.isEmpty()) {
			this.owners.forEach((owner) -> owner.assigned(arriving));
		}
	}

	@Override
	public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		forget(partitions);
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		forget(partitions);
	}

	private void forget(Collection<TopicPartition> partitions) {
		List<Integer> leaving = commandPartitions(partitions);
		if (!leaving.isEmpty()) {
			this.owners.forEach((owner) -> owner.revoked(leaving));
		}
		this.room.dropPartitions(leaving);
		this.ledger.drop(leaving);
		if (!leaving.isEmpty()) {
			log.info("Partitions {} left this instance", leaving);
		}
	}

	private static List<Integer> commandPartitions(Collection<TopicPartition> partitions) {
		return partitions.stream()
			.filter((partition) -> Topics.COMMANDS.equals(partition.topic()))
			.map(TopicPartition::partition)
			.toList();
	}

}
