package dev.fleetjobs.executor.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.request.MethodInvocation;

/**
 * What a job does, in a form that compares equal when the hub would run the same job: its
 * type, query condition and deadline, and the method (name, timeouts, payload) or the
 * twin patch (desired properties, tags), JSON values in {@link CanonicalJson} form. The
 * start time is not part of it: a redelivered command keeps its start time, but the hub
 * may report it differently (a past start becomes "now").
 *
 * @param type the job type
 * @param queryCondition the query condition
 * @param maxExecutionTimeInSeconds the deadline
 * @param methodName the direct method, or {@code null} for a twin update
 * @param payload the canonical method payload, or {@code null} for a twin update
 * @param responseTimeoutInSeconds the method's response timeout (0 for a twin update)
 * @param connectTimeoutInSeconds the method's connect timeout (0 for a twin update)
 * @param desiredProperties the canonical desired properties ({@code {}} when none)
 * @param tags the canonical tags ({@code {}} when none)
 */
public record JobDefinition(JobType type, String queryCondition, long maxExecutionTimeInSeconds, String methodName,
		String payload, int responseTimeoutInSeconds, int connectTimeoutInSeconds, String desiredProperties,
		String tags) {

	/** The definition a command asks for, with the hub's defaults filled in. */
	public static JobDefinition of(ScheduleJob command) {
		if (command.jobType() == JobType.DEVICE_METHOD) {
			MethodInvocation method = command.directMethod();
			return new JobDefinition(command.jobType(), command.queryCondition(), command.maxExecutionTimeInSeconds(),
					method.methodName(), CanonicalJson.of(method.payload()), responseTimeout(method),
					connectTimeout(method), "{}", "{}");
		}
		return new JobDefinition(command.jobType(), command.queryCondition(), command.maxExecutionTimeInSeconds(), null,
				null, 0, 0, CanonicalJson.ofObject(command.twinUpdate().desiredProperties()),
				CanonicalJson.ofObject(command.twinUpdate().tags()));
	}

	/** The response timeout sent to the hub: the command's, or the hub's default. */
	public static int responseTimeout(MethodInvocation method) {
		return Objects.requireNonNullElse(method.responseTimeoutInSeconds(),
				MethodInvocation.DEFAULT_RESPONSE_TIMEOUT_IN_SECONDS);
	}

	/** The connect timeout sent to the hub: the command's, or the hub's default. */
	public static int connectTimeout(MethodInvocation method) {
		return Objects.requireNonNullElse(method.connectTimeoutInSeconds(),
				MethodInvocation.DEFAULT_CONNECT_TIMEOUT_IN_SECONDS);
	}

	/**
	 * Every field that differs, e.g. {@code queryCondition: 'a' != 'b'}; empty when
	 * equal.
	 */
	public List<String> differencesFrom(JobDefinition other) {
		List<String> differences = new ArrayList<>();
		compare(differences, "type", this.type, other.type);
		compare(differences, "queryCondition", this.queryCondition, other.queryCondition);
		compare(differences, "maxExecutionTimeInSeconds", this.maxExecutionTimeInSeconds,
				other.maxExecutionTimeInSeconds);
		compare(differences, "methodName", this.methodName, other.methodName);
		compare(differences, "payload", this.payload, other.payload);
		compare(differences, "responseTimeoutInSeconds", this.responseTimeoutInSeconds, other.responseTimeoutInSeconds);
		compare(differences, "connectTimeoutInSeconds", this.connectTimeoutInSeconds, other.connectTimeoutInSeconds);
		compare(differences, "desiredProperties", this.desiredProperties, other.desiredProperties);
		compare(differences, "tags", this.tags, other.tags);
		return differences;
	}

	private static void compare(List<String> differences, String field, Object mine, Object theirs) {
		if (!Objects.equals(mine, theirs)) {
			differences.add(field + ": '" + mine + "' != '" + theirs + "'");
		}
	}

}
