package dev.fleetjobs.executor.queueing;

/**
 * Port: what the dispatcher does with a waiting job. Implemented by the scheduling
 * feature, which calls the hub and publishes the outcome in a transaction of its own.
 */
public interface WaitingJobHandler {

	/**
	 * Tries to create the job on the hub; publishes {@code JobSubmitted} or
	 * {@code JobRejected} when the attempt settles it.
	 */
	Attempt attempt(WaitingJob job);

	/** The job waited too long: publishes {@code JobRejected} and its dead letter. */
	void expire(WaitingJob job);

	/**
	 * How an attempt ended.
	 *
	 * @param next what the queue does next
	 * @param reason why, readable (for the job's next {@code JobQueued} reason and logs)
	 * @param label the metric label, e.g. {@code quota}, {@code throttled},
	 * {@code server_error}, {@code io_error}
	 */
	record Attempt(Next next, String reason, String label) {

		public static Attempt settled() {
			return new Attempt(Next.SETTLED, null, null);
		}

		public static Attempt hubBusy(String reason, String label) {
			return new Attempt(Next.HUB_BUSY, reason, label);
		}

		public static Attempt retryLater(String reason, String label) {
			return new Attempt(Next.RETRY_LATER, reason, label);
		}

	}

	/** What the queue does after an attempt. */
	enum Next {

		/** Submitted or rejected: the job leaves the queue, the gate opens. */
		SETTLED,

		/** The hub refused it with 429: the gate closes, the job keeps its place. */
		HUB_BUSY,

		/** A transient failure: the job waits on its own backoff. */
		RETRY_LATER

	}

}
