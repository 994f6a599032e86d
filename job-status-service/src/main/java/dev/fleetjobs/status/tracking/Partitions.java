package dev.fleetjobs.status.tracking;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Utils;

/**
 * The partition a jobId-keyed record lands on with Kafka's default partitioner (murmur2
 * of the UTF-8 key), so a job of {@code fleetjobs.progress} can be matched to the
 * {@code fleetjobs.lifecycle} partition that owns it, whatever each topic's partition
 * count.
 */
final class Partitions {

	private Partitions() {
	}

	static int of(String jobId, int partitionCount) {
		return Utils.toPositive(Utils.murmur2(jobId.getBytes(StandardCharsets.UTF_8))) % partitionCount;
	}

}
