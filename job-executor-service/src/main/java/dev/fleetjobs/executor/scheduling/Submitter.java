package dev.fleetjobs.executor.scheduling;

import java.util.List;

import dev.fleetjobs.contracts.command.ScheduleJob;

import org.springframework.stereotype.Component;

/**
 * One attempt to create a job on the hub, and what it means. "Job already exists" is
 * success when the existing job has the same definition (an earlier attempt got through
 * but its event was rolled back), and a conflict otherwise.
 */
@Component
public class Submitter {

	public static final String DEFINITION_CONFLICT = "JOB_DEFINITION_CONFLICT";

	private final IotHubJobs hub;

	private final KnownJobQuota quota;

	public Submitter(IotHubJobs hub, KnownJobQuota quota) {
		this.hub = hub;
		this.quota = quota;
	}

	public Outcome submit(ScheduleJob command) {
		HubCallException full = this.quota.reserve(command.jobId());
		if (full != null) {
			return new Outcome.HubBusy(full);
		}
		Outcome outcome = create(command);
		if (!(outcome instanceof Outcome.Submitted)) {
			this.quota.release(command.jobId());
		}
		return outcome;
	}

	private Outcome create(ScheduleJob command) {
		try {
			return new Outcome.Submitted(this.hub.create(command));
		}
		catch (HubCallException ex) {
			if (ex.isConflict()) {
				return adopt(command);
			}
			if (ex.isThrottled()) {
				return new Outcome.HubBusy(ex);
			}
			return ex.isTransient() ? new Outcome.Transient(ex)
					: new Outcome.Rejected(ex.httpStatus(), ex.errorCode(), ex.describe());
		}
	}

	/** Compares the job that exists under the jobId with the command. */
	Outcome adopt(ScheduleJob command) {
		try {
			HubJob existing = this.hub.get(command.jobId());
			List<String> differences = differences(command, existing);
			if (differences.isEmpty()) {
				return new Outcome.Submitted(existing);
			}
			return new Outcome.Rejected(409, DEFINITION_CONFLICT, "A job with id " + command.jobId()
					+ " already exists on the hub with another definition: " + String.join("; ", differences));
		}
		catch (HubCallException ex) {
			return ex.isTransient() ? new Outcome.Transient(ex)
					: new Outcome.Rejected(ex.httpStatus(), ex.errorCode(), ex.describe());
		}
	}

	/** How the existing hub job differs from the command (empty: the same job). */
	static List<String> differences(ScheduleJob command, HubJob existing) {
		if (existing.definition() == null) {
			return List.of("the hub did not report the existing job's definition");
		}
		return JobDefinition.of(command).differencesFrom(existing.definition());
	}

	/** What an attempt means. */
	public sealed interface Outcome {

		/** The job exists on the hub with this definition. */
		record Submitted(HubJob job) implements Outcome {
		}

		/** Refused for good. */
		record Rejected(int httpStatus, String errorCode, String reason) implements Outcome {
		}

		/** 429: the hub's job quota is full or job creation is throttled. */
		record HubBusy(HubCallException cause) implements Outcome {

			public String label() {
				String code = this.cause.errorCode();
				return (code.contains("MaxActiveJob") || code.equals(KnownJobQuota.FULL)) ? "quota" : "throttled";
			}

		}

		/** A 5xx, 408 or I/O failure. */
		record Transient(HubCallException cause) implements Outcome {
		}

	}

}
