package dev.fleetjobs.contracts.rollout;

import dev.fleetjobs.contracts.progress.JobStatus;

/** How a rollout ended. */
public enum RolloutOutcome {

	/** Every targeted device was reached and its last attempt ended. */
	COMPLETED(JobStatus.COMPLETED),

	/**
	 * The end time passed (STOP_ROLLOUT): the running waves finished, devices not reached
	 * stay so.
	 */
	STOPPED(JobStatus.COMPLETED),

	/** Cancelled by a CancelJob, or by the end time with CANCEL. */
	CANCELLED(JobStatus.CANCELLED),

	/** An abort criterion tripped. */
	ABORTED(JobStatus.CANCELLED),

	/** The hub refused a wave for good (e.g. an unknown method or a bad query). */
	FAILED(JobStatus.FAILED);

	private final JobStatus jobStatus;

	RolloutOutcome(JobStatus jobStatus) {
		this.jobStatus = jobStatus;
	}

	/** The job's final status in its progress events. */
	public JobStatus jobStatus() {
		return this.jobStatus;
	}

}
