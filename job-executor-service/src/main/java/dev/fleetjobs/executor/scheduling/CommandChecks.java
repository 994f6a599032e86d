package dev.fleetjobs.executor.scheduling;

import java.util.Map;
import java.util.regex.Pattern;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.command.ScheduleJob;

/**
 * The little a command must satisfy before the executor can act on it (job-request-
 * service validated everything else; the hub checks the rest again).
 */
final class CommandChecks {

	static final String INVALID_COMMAND = "INVALID_COMMAND";

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
		return null;
	}

	private static boolean isEmpty(Map<String, Object> map) {
		return map == null || map.isEmpty();
	}

}
