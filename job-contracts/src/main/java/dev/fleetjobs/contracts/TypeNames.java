package dev.fleetjobs.contracts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.lifecycle.JobCancelFailed;
import dev.fleetjobs.contracts.lifecycle.JobCancelled;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobRejected;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.request.JobRequest;
import dev.fleetjobs.contracts.request.JobRequestRejected;
import dev.fleetjobs.contracts.rollout.DevicesJoined;
import dev.fleetjobs.contracts.rollout.RetryScheduled;
import dev.fleetjobs.contracts.rollout.RolloutAborted;
import dev.fleetjobs.contracts.rollout.RolloutAccepted;
import dev.fleetjobs.contracts.rollout.RolloutEnded;
import dev.fleetjobs.contracts.rollout.RolloutPaused;
import dev.fleetjobs.contracts.rollout.RolloutResumed;
import dev.fleetjobs.contracts.rollout.WaveCompleted;
import dev.fleetjobs.contracts.rollout.WaveStarted;

/**
 * Logical type names. The JSON type header ({@code __TypeId__}) carries these, never a
 * Java class name, so that non-Java producers and consumers can take part.
 */
public final class TypeNames {

	private static final Map<String, Class<?>> TYPES = new LinkedHashMap<>();

	static {
		TYPES.put("JobRequest", JobRequest.class);
		TYPES.put("JobRequestRejected", JobRequestRejected.class);
		TYPES.put("ScheduleJob", ScheduleJob.class);
		TYPES.put("CancelJob", CancelJob.class);
		TYPES.put("JobQueued", JobQueued.class);
		TYPES.put("JobSubmitted", JobSubmitted.class);
		TYPES.put("JobRejected", JobRejected.class);
		TYPES.put("JobCancelled", JobCancelled.class);
		TYPES.put("JobCancelFailed", JobCancelFailed.class);
		TYPES.put("RolloutAccepted", RolloutAccepted.class);
		TYPES.put("DevicesJoined", DevicesJoined.class);
		TYPES.put("WaveStarted", WaveStarted.class);
		TYPES.put("WaveCompleted", WaveCompleted.class);
		TYPES.put("RetryScheduled", RetryScheduled.class);
		TYPES.put("RolloutAborted", RolloutAborted.class);
		TYPES.put("RolloutPaused", RolloutPaused.class);
		TYPES.put("RolloutResumed", RolloutResumed.class);
		TYPES.put("RolloutEnded", RolloutEnded.class);
		TYPES.put("JobProgress", JobProgress.class);
		TYPES.put("DeviceResult", DeviceResult.class);
	}

	private static final Map<Class<?>, String> NAMES = TYPES.entrySet()
		.stream()
		.collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

	/** The prefix of every CloudEvents {@code ce_type}. */
	public static final String CLOUD_EVENT_TYPE_PREFIX = "dev.fleetjobs.";

	private TypeNames() {
	}

	/** Logical name to record class, for every payload in the contracts. */
	public static Map<String, Class<?>> all() {
		return java.util.Collections.unmodifiableMap(TYPES);
	}

	/** The logical name of a payload type, e.g. {@code ScheduleJob}. */
	public static String of(Class<?> type) {
		String name = NAMES.get(type);
		if (name == null) {
			throw new IllegalArgumentException("Not a FleetJobs payload: " + type.getName());
		}
		return name;
	}

	/** The CloudEvents type of a payload, e.g. {@code dev.fleetjobs.ScheduleJob.v1}. */
	public static String cloudEventType(Class<?> type) {
		return CLOUD_EVENT_TYPE_PREFIX + of(type) + ".v1";
	}

	/**
	 * The value for Spring Kafka's {@code spring.json.type.mapping} property, e.g.
	 * {@code ScheduleJob:dev.fleetjobs.contracts.command.ScheduleJob,...}.
	 */
	public static String springTypeMapping() {
		return TYPES.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + ":" + entry.getValue().getName())
			.collect(Collectors.joining(","));
	}

}
