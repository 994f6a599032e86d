package dev.fleetjobs.executor.scheduling;

import java.util.Map;
import java.util.regex.Pattern;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.rollout.AbortCriterion;
import dev.fleetjobs.contracts.rollout.ExponentialRate;
import dev.fleetjobs.contracts.rollout.MaintenanceWindow;
import dev.fleetjobs.contracts.rollout.RetryCriterion;
import dev.fleetjobs.contracts.rollout.Rollout;
import dev.fleetjobs.support.rollout.MaintenanceWindows;

/**
 * The little a command must satisfy before the executor can act on it (job-request-
 * service validated everything else; the hub checks the rest again).
 */
final class CommandChecks {

	static final String INVALID_COMMAND = "INVALID_COMMAND";

	/** A rollout's waves are {@code <jobId>-w<n>}: its jobId leaves room for that. */
	static final int MAX_ROLLOUT_JOB_ID_LENGTH = 56;

	private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private CommandChecks() {
	}

	static boolean isJobId(String jobId) {
		return jobId != null && JOB_ID.matcher(jobId).matches();
	}

	/**
	 * The first problem of a command, or {@code null} when it can be carried out.
	 * @return {@code {field, message}} or {@code null}
	 */
	static String[] problem(ScheduleJob command) {
		if (!isJobId(command.jobId())) {
			return new String[] { "jobId", "must be 1 to 64 letters, digits and '-'" };
		}
		if (command.jobType() == null) {
			return new String[] { "jobType", "is required" };
		}
		if (command.queryCondition() == null || command.queryCondition().isBlank()) {
			return new String[] { "queryCondition", "is required" };
		}
		if (command.maxExecutionTimeInSeconds() < 0) {
			return new String[] { "maxExecutionTimeInSeconds", "must not be negative" };
		}
		if (command.jobType() == JobType.DEVICE_METHOD) {
			if (command.directMethod() == null || command.directMethod().methodName() == null
					|| command.directMethod().methodName().isBlank()) {
				return new String[] { "directMethod.methodName", "is required for a DEVICE_METHOD job" };
			}
		}
		else if (command.twinUpdate() == null
				|| (isEmpty(command.twinUpdate().desiredProperties()) && isEmpty(command.twinUpdate().tags()))) {
			return new String[] { "twinUpdate", "needs desired properties or tags for a TWIN_UPDATE job" };
		}
		return (command.rollout() != null) ? rolloutProblem(command) : null;
	}

	private static boolean isEmpty(Map<String, Object> map) {
		return map == null || map.isEmpty();
	}

	/**
	 * The first problem of a command's rollout settings that would stop the executor
	 * (job-request-service validated them; this guards the topic against other
	 * producers), or {@code null}.
	 * @return {@code {field, message}} or {@code null}
	 */
	static String[] rolloutProblem(ScheduleJob command) {
		Rollout rollout = command.rollout();
		if (command.jobId().length() > MAX_ROLLOUT_JOB_ID_LENGTH) {
			return new String[] { "jobId", "a rollout's jobId has at most " + MAX_ROLLOUT_JOB_ID_LENGTH
					+ " characters (its waves add -w<n>)" };
		}
		if (command.startTime() == null) {
			return new String[] { "startTime", "is required for a rollout" };
		}
		if (rollout.maxDevicesPerMinute() != null && rollout.maxDevicesPerMinute() < 1) {
			return new String[] { "rollout.maxDevicesPerMinute", "must be at least 1" };
		}
		if (rollout.waveIntervalInSeconds() != null && rollout.waveIntervalInSeconds() < 1) {
			return new String[] { "rollout.waveIntervalInSeconds", "must be at least 1" };
		}
		ExponentialRate exponential = rollout.exponential();
		if (exponential != null && (exponential.baseRatePerMinute() == null || exponential.baseRatePerMinute() < 1
				|| exponential.incrementFactor() == null || exponential.incrementFactor() < 1.0
				|| exponential.rateIncreaseCriteria() == null
				|| (exponential.rateIncreaseCriteria().numberOfNotifiedDevices() == null) == (exponential
					.rateIncreaseCriteria()
					.numberOfSucceededDevices() == null))) {
			return new String[] { "rollout.exponential",
					"needs a base rate >= 1, a factor >= 1 and exactly one rate-increase criterion" };
		}
		for (AbortCriterion criterion : rollout.abortCriteria()) {
			if (criterion == null || criterion.failureType() == null || criterion.thresholdPercentage() == null) {
				return new String[] { "rollout.abort", "each criterion needs a failureType and a thresholdPercentage" };
			}
		}
		for (RetryCriterion criterion : rollout.retryCriteria()) {
			if (criterion == null || criterion.failureType() == null || criterion.numberOfRetries() == null
					|| criterion.numberOfRetries() < 1) {
				return new String[] { "rollout.retry", "each criterion needs a failureType and numberOfRetries >= 1" };
			}
		}
		for (MaintenanceWindow window : rollout.windows()) {
			String problem = MaintenanceWindows.problem(window);
			if (problem != null) {
				return new String[] { "rollout.maintenanceWindows", problem };
			}
		}
		return null;
	}

}
