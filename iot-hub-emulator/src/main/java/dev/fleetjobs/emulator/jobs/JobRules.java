package dev.fleetjobs.emulator.jobs;

import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.twins.TwinService;
import dev.fleetjobs.query.Query;
import dev.fleetjobs.query.QuerySource;

/**
 * The hub's rules for a new job; each failure is the hub's 400 with a message that names
 * the field.
 */
final class JobRules {

	static final int MAX_JOB_ID_LENGTH = 64;

	private JobRules() {
	}

	/** Checks a definition; returns its parsed query condition. */
	static Query check(JobDefinition job) {
		checkJobId(job.jobId());
		if (job.type() == null) {
			throw IotHubErrors.argumentInvalid("type must be scheduleDeviceMethod or scheduleUpdateTwin.");
		}
		if (job.maxExecutionTimeInSeconds() < 0) {
			throw IotHubErrors.argumentInvalid(
					"maxExecutionTimeInSeconds is " + job.maxExecutionTimeInSeconds() + "; it must be 0 or more.");
		}
		if (job.type() == JobType.DEVICE_METHOD) {
			if (job.method() == null) {
				throw IotHubErrors.argumentNull("cloudToDeviceMethod is required for a scheduleDeviceMethod job.");
			}
			if (job.twinPatch() != null) {
				throw IotHubErrors.argumentInvalid("updateTwin must be absent for a scheduleDeviceMethod job.");
			}
			checkMethod(job);
		}
		else {
			if (job.twinPatch() == null) {
				throw IotHubErrors.argumentNull("updateTwin is required for a scheduleUpdateTwin job.");
			}
			if (job.method() != null) {
				throw IotHubErrors.argumentInvalid("cloudToDeviceMethod must be absent for a scheduleUpdateTwin job.");
			}
			prefixed("updateTwin", () -> TwinService.checkJobPatch(job.twinPatch()));
		}
		return condition(job.queryCondition());
	}

	static void checkJobId(String jobId) {
		if (jobId == null || jobId.isEmpty()) {
			throw IotHubErrors.argumentNull("jobId is required.");
		}
		if (jobId.length() > MAX_JOB_ID_LENGTH) {
			throw IotHubErrors.argumentInvalid("jobId is " + jobId.length() + " characters long; the limit is "
					+ MAX_JOB_ID_LENGTH + " (letters, digits and '-').");
		}
		for (int i = 0; i < jobId.length(); i++) {
			char c = jobId.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
				throw IotHubErrors.argumentInvalid("jobId '" + jobId
						+ "' is invalid: use at most 64 US-ASCII letters, digits and '-' (found '" + c + "').");
			}
		}
	}

	private static void checkMethod(JobDefinition job) {
		prefixed("cloudToDeviceMethod", () -> job.method().validatedPayload());
	}

	private static Query condition(String condition) {
		if (condition == null || condition.isBlank()) {
			throw IotHubErrors.argumentNull("queryCondition is required, e.g. \"deviceId IN ['door-1']\" or \"*\".");
		}
		Query query;
		try {
			query = Query.parseCondition(condition);
		}
		catch (IllegalArgumentException ex) {
			throw IotHubErrors.argumentInvalid("queryCondition is invalid: " + ex.getMessage() + ".");
		}
		if (query.source() != QuerySource.DEVICES) {
			throw IotHubErrors.argumentInvalid("queryCondition must select from devices; jobs on "
					+ query.source().collection() + " are not emulated.");
		}
		if (!query.isSelectAll() || query.isAggregate()) {
			throw IotHubErrors.argumentInvalid(
					"queryCondition must select whole devices (SELECT *), not " + "projections or aggregates.");
		}
		return query;
	}

	/** Runs a check whose hub error message gets the field's name in front. */
	private static void prefixed(String field, Runnable check) {
		try {
			check.run();
		}
		catch (dev.fleetjobs.emulator.errors.IotHubErrorException ex) {
			throw IotHubErrors.argumentInvalid(field + ": " + ex.getMessage());
		}
	}

}
