package dev.fleetjobs.executor.queueing;

import java.util.Collection;

/**
 * Port: a feature that keeps state per {@code fleetjobs.commands} partition and must load
 * it when this instance is assigned a partition (before its commands are handled) and let
 * go of it when the partition leaves. Called on the consumer's thread, inside the
 * rebalance.
 */
public interface PartitionOwner {

	void assigned(Collection<Integer> partitions);

	void revoked(Collection<Integer> partitions);

}
