package dev.fleetjobs.contracts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.lifecycle.JobCancelFailed;
import dev.fleetjobs.contracts.lifecycle.JobCancelled;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobRejected;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.contracts.request.JobAction;
import dev.fleetjobs.contracts.request.JobRequest;
import dev.fleetjobs.contracts.request.JobRequestRejected;
import dev.fleetjobs.contracts.request.JobTarget;
import dev.fleetjobs.contracts.request.MethodInvocation;
import dev.fleetjobs.contracts.request.TwinPatch;

/**
 * Sample instances of every payload: one with every field set and one with every optional
 * field left out (null), as producers write them. The tutorial's two jobs (lockDoor, and
 * the building/floor desired-property patch) are the models.
 */
final class Samples {

	static final String JOB_ID = "3f1c2a9e-8b7d-4c1e-9f00-1a2b3c4d5e6f";

	static final Instant NOW = Instant.parse("2026-11-26T22:00:00Z");

	static final MethodInvocation LOCK_DOOR = new MethodInvocation("lockDoor", Map.of("lockTime", "10m"), 60, 10);

	static final TwinPatch BUILDING_FLOOR = new TwinPatch(Map.of("building", 43, "floor", 3), Map.of("site", "north"));

	private Samples() {
	}

	/** Samples per logical type name; every instance must validate. */
	static Map<String, List<Object>> all() {
		Map<String, List<Object>> samples = new LinkedHashMap<>();
		samples.put("JobRequest", List.of(
				new JobRequest("erp-4711", new JobTarget(null, List.of("door-1", "o'brien"), null),
						new JobAction(LOCK_DOOR, null), NOW, 600L, Map.of("ticket", "T-1")),
				new JobRequest(null, new JobTarget("tags.building = 43 AND tags.floor = 3", null, null),
						new JobAction(null, BUILDING_FLOOR), null, null, null),
				new JobRequest(null, new JobTarget(null, null, Map.of("building", 43, "floor", 3)),
						new JobAction(new MethodInvocation("lockDoor", null, null, null), null), null, null, null)));
		samples.put("JobRequestRejected",
				List.of(new JobRequestRejected("erp-4711", JOB_ID, "kafka", "VALIDATION_FAILED",
						"action.directMethod.methodName", "must not contain '/'", NOW),
						new JobRequestRejected(null, null, "kafka", "UNPARSEABLE", null, "not JSON", NOW)));
		samples.put("ScheduleJob", List.of(
				new ScheduleJob(JOB_ID, "erp-4711", JobType.DEVICE_METHOD, "deviceId IN ['door-1', 'o\\'brien']",
						LOCK_DOOR, null, NOW, 600, Map.of("ticket", "T-1"), "rest", "ops-key", NOW),
				new ScheduleJob(JOB_ID, null, JobType.TWIN_UPDATE, "tags.building = 43", null, BUILDING_FLOOR, NOW,
						3600, Map.of(), "kafka", "fleetjobs.requests", NOW)));
		samples.put("CancelJob", List.of(new CancelJob(JOB_ID, "wrong floor", "rest", "ops-key", NOW),
				new CancelJob(JOB_ID, null, "rest", "ops-key", NOW)));
		samples.put("JobQueued", List.of(
				new JobQueued(JOB_ID, "erp-4711", JobType.DEVICE_METHOD, "max concurrent jobs reached", 2,
						Map.of("ticket", "T-1"), NOW,
						new ScheduleJob(JOB_ID, "erp-4711", JobType.DEVICE_METHOD, "deviceId IN ['door-1']", LOCK_DOOR,
								null, NOW, 600, Map.of("ticket", "T-1"), "rest", "ops-key", NOW)),
				new JobQueued(JOB_ID, null, JobType.TWIN_UPDATE, "throttled", 1, Map.of(), NOW)));
		samples.put("JobSubmitted",
				List.of(new JobSubmitted(JOB_ID, "erp-4711", JobType.DEVICE_METHOD, "deviceId IN ['door-1']", NOW, 600,
						"queued", NOW, 1, Map.of("ticket", "T-1"), NOW),
						new JobSubmitted(JOB_ID, null, JobType.TWIN_UPDATE, "*", NOW, 3600, "scheduled", null, 3,
								Map.of(), NOW)));
		samples.put("JobRejected",
				List.of(new JobRejected(JOB_ID, "erp-4711", JobType.DEVICE_METHOD, 400, "400004",
						"ErrorCode:ArgumentInvalid;bad query", Map.of("ticket", "T-1"), NOW),
						new JobRejected(JOB_ID, null, JobType.TWIN_UPDATE, 0, "JOB_DEFINITION_CONFLICT",
								"another definition exists under this jobId", Map.of(), NOW)));
		samples.put("JobCancelled", List.of(new JobCancelled(JOB_ID, false, "cancelled", "wrong floor", NOW),
				new JobCancelled(JOB_ID, true, null, null, NOW)));
		samples.put("JobCancelFailed", List.of(new JobCancelFailed(JOB_ID, 404, "404", "job not found", NOW)));
		samples.put("JobProgress",
				List.of(new JobProgress(JOB_ID, 3, "erp-4711", JobType.DEVICE_METHOD, JobStatus.COMPLETED,
						new DeviceJobStatistics(2, 1, 1, 0, 0), NOW, NOW, NOW, null, true, 2, Map.of("ticket", "T-1"),
						NOW),
						new JobProgress(JOB_ID, 1, null, JobType.TWIN_UPDATE, JobStatus.QUEUED,
								DeviceJobStatistics.EMPTY, null, null, null, "quota", false, 0, Map.of(), NOW)));
		samples.put("DeviceResult",
				List.of(new DeviceResult(JOB_ID, "door-1", JobType.DEVICE_METHOD, DeviceJobStatus.COMPLETED, 200,
						Map.of("Response", "lockDoor called successfully"), null, null, NOW, NOW, NOW),
						new DeviceResult(JOB_ID, "door-2", JobType.DEVICE_METHOD, DeviceJobStatus.FAILED, null, null,
								"404103", "Timed out waiting for device to connect.", null, null, null)));
		return samples;
	}

}
