package dev.fleetjobs.contracts;

/**
 * Every Kafka topic FleetJobs uses. Exactly one service writes each topic and declares
 * it. Every record's key is the jobId, except on {@link #REQUESTS} (the upstream's own
 * key, ideally its request id) and {@link #REQUEST_REJECTIONS} (the request id).
 */
public final class Topics {

	/**
	 * Job requests from upstream systems. Written by upstream, read by
	 * job-request-service.
	 */
	public static final String REQUESTS = "fleetjobs.requests";

	/**
	 * Requests that could not be accepted, with the reason in headers. Written by
	 * job-request-service.
	 */
	public static final String REQUESTS_DLT = "fleetjobs.requests.dlt";

	/**
	 * One rejection event per refused request, keyed by request id. Written by
	 * job-request-service.
	 */
	public static final String REQUEST_REJECTIONS = "fleetjobs.request-rejections";

	/**
	 * {@code ScheduleJob} and {@code CancelJob} commands. Written by job-request-service.
	 */
	public static final String COMMANDS = "fleetjobs.commands";

	/** Commands that failed permanently. Written by job-executor-service. */
	public static final String COMMANDS_DLT = "fleetjobs.commands.dlt";

	/**
	 * Queued, Submitted, Rejected, Cancelled and CancelFailed events, and the rollout
	 * events (RolloutAccepted, DevicesJoined, WaveStarted, WaveCompleted, RetryScheduled,
	 * RolloutAborted, RolloutPaused, RolloutResumed, RolloutEnded). Written by
	 * job-executor-service.
	 */
	public static final String LIFECYCLE = "fleetjobs.lifecycle";

	/**
	 * The executor's rollout state (compacted): each rollout's plan, waves and devices,
	 * so that any instance resumes a rollout where it was. Written and read by
	 * job-executor-service only.
	 */
	public static final String ROLLOUTS = "fleetjobs.rollouts";

	/** Lifecycle records that could not be processed. Written by job-status-service. */
	public static final String LIFECYCLE_DLT = "fleetjobs.lifecycle.dlt";

	/** Job progress, compacted, keyed by jobId. Written by job-status-service. */
	public static final String PROGRESS = "fleetjobs.progress";

	/**
	 * One record per device of a finished job, keyed by jobId. Written by
	 * job-status-service.
	 */
	public static final String DEVICE_RESULTS = "fleetjobs.device-results";

	/** The suffix of every dead-letter topic. */
	public static final String DLT_SUFFIX = ".dlt";

	private Topics() {
	}

}
