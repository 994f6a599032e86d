package dev.fleetjobs.executor.queueing;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import dev.fleetjobs.contracts.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads one partition of {@code fleetjobs.lifecycle} from the beginning up to its last
 * stable offset, committed events only ({@code read_committed}), without a consumer
 * group. Commands and lifecycle events of a job share the partition number, so this is
 * everything the owner of a commands partition needs to know.
 */
@Component
class LifecycleReplay {

	private static final Duration MAX_READ = Duration.ofMinutes(2);

	private final ConsumerFactory<String, Object> consumers;

	LifecycleReplay(ConsumerFactory<String, Object> consumers) {
		this.consumers = consumers;
	}

	LifecycleFold read(int partition) {
		LifecycleFold fold = new LifecycleFold();
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
		try (Consumer<String, Object> consumer = this.consumers.createConsumer(null, "lifecycle-replay-" + partition,
				null, overrides)) {
			boolean exists = consumer.partitionsFor(Topics.LIFECYCLE)
				.stream()
				.anyMatch((info) -> info.partition() == partition);
			if (!exists) {
				throw new IllegalStateException(Topics.LIFECYCLE + " has no partition " + partition + "; it needs as "
						+ "many partitions as " + Topics.COMMANDS);
			}
			TopicPartition lifecycle = new TopicPartition(Topics.LIFECYCLE, partition);
			consumer.assign(List.of(lifecycle));
			consumer.seekToBeginning(List.of(lifecycle));
			long end = consumer.endOffsets(List.of(lifecycle)).get(lifecycle);
			long deadline = System.nanoTime() + MAX_READ.toNanos();
			while (consumer.position(lifecycle) < end) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Reading " + lifecycle + " took longer than " + MAX_READ);
				}
				for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() < end && record.value() != null) {
						fold.apply(record.value());
					}
				}
			}
		}
		return fold;
	}

}
