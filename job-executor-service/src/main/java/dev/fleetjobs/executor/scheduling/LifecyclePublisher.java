package dev.fleetjobs.executor.scheduling;

/**
 * Port: publishes lifecycle events and dead letters. Inside a listener they join the
 * listener's Kafka transaction, so they commit together with the command's offset; on any
 * other thread {@link #inNewTransaction} opens one.
 */
public interface LifecyclePublisher {

	/**
	 * Publishes a lifecycle event to {@code fleetjobs.lifecycle}, keyed by jobId, on the
	 * given partition (the partition of the job's commands).
	 */
	void publish(String jobId, int partition, Object event);

	/** Publishes a dead letter to {@code fleetjobs.commands.dlt}. */
	void deadLetter(DeadLetter letter);

	/**
	 * Runs the work in a Kafka transaction of its own and returns once it committed.
	 * @throws PublishException when it did not commit
	 */
	void inNewTransaction(Runnable work);

}
