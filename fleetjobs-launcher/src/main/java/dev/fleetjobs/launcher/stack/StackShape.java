package dev.fleetjobs.launcher.stack;

/**
 * How many of each process a local run has.
 *
 * @param brokers Kafka brokers: 1 (broker and controller in one process, replication
 * factor 1) or 3 (a KRaft quorum of three combined nodes, replication factor 3,
 * {@code min.insync.replicas} 2: one broker may be down without losing a write)
 * @param instances instances of each service (request, executor, status), in one consumer
 * group per service; the second instance's ports are the first's + 100
 * @param registrationShards 0 for a fleet that connects (one simulator process); n for
 * one that is only registered, with its tags, by n simulator processes side by side (twin
 * jobs need no connection: a million devices register in about a minute)
 */
public record StackShape(int brokers, int instances, int registrationShards) {

	/** One broker, one instance of each service, a fleet that connects. */
	public static final StackShape SINGLE = new StackShape(1, 1, 0);

	/** Ports between one instance of a service and the next. */
	public static final int INSTANCE_PORT_STEP = 100;

	/** Ports between one broker (and its controller) and the next. */
	public static final int BROKER_PORT_STEP = 2;

	public StackShape {
		if (brokers != 1 && brokers != 3) {
			throw new IllegalArgumentException("--brokers must be 1 or 3, not " + brokers);
		}
		if (instances < 1 || instances > 9) {
			throw new IllegalArgumentException("--instances must be 1 to 9, not " + instances);
		}
		if (registrationShards < 0) {
			throw new IllegalArgumentException("registration shards must not be negative");
		}
	}

	public StackShape withRegistrationShards(int count) {
		return new StackShape(this.brokers, this.instances, count);
	}

	/** Topics' replication factor: one per broker, up to three. */
	public int replicationFactor() {
		return Math.min(3, this.brokers);
	}

}
