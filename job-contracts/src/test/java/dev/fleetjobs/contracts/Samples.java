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
import dev.fleetjobs.contracts.rollout.AbortAction;
import dev.fleetjobs.contracts.rollout.AbortCriterion;
import dev.fleetjobs.contracts.rollout.DevicesJoined;
import dev.fleetjobs.contracts.rollout.EndBehavior;
import dev.fleetjobs.contracts.rollout.ExponentialRate;
import dev.fleetjobs.contracts.rollout.FailureType;
import dev.fleetjobs.contracts.rollout.MaintenanceWindow;
import dev.fleetjobs.contracts.rollout.RateIncreaseCriteria;
import dev.fleetjobs.contracts.rollout.RetryCriterion;
import dev.fleetjobs.contracts.rollout.RetryScheduled;
import dev.fleetjobs.contracts.rollout.Rollout;
import dev.fleetjobs.contracts.rollout.RolloutAborted;
import dev.fleetjobs.contracts.rollout.RolloutAccepted;
import dev.fleetjobs.contracts.rollout.RolloutEnded;
import dev.fleetjobs.contracts.rollout.RolloutOutcome;
import dev.fleetjobs.contracts.rollout.RolloutPaused;
import dev.fleetjobs.contracts.rollout.RolloutPhase;
import dev.fleetjobs.contracts.rollout.RolloutProgress;
import dev.fleetjobs.contracts.rollout.RolloutResumed;
import dev.fleetjobs.contracts.rollout.RolloutTotals;
import dev.fleetjobs.contracts.rollout.TargetSelection;
import dev.fleetjobs.contracts.rollout.WaveCompleted;
import dev.fleetjobs.contracts.rollout.WaveProgress;
import dev.fleetjobs.contracts.rollout.WaveStarted;

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

	/**
	 * Every rollout setting: an exponential rate capped at 1,000/min, aborts, retries,
	 * windows.
	 */
	static final Rollout FULL_ROLLOUT = new Rollout(1000,
			new ExponentialRate(50, 2.0, new RateIncreaseCriteria(100, null)), 5,
			List.of(new AbortCriterion(FailureType.FAILED, 20.0, 50, AbortAction.CANCEL),
					new AbortCriterion(FailureType.ALL, 50.0, null, null)),
			List.of(new RetryCriterion(FailureType.TIMED_OUT, 3, 20, 1.5)), TargetSelection.CONTINUOUS,
			Instant.parse("2026-11-27T06:00:00Z"), EndBehavior.CANCEL,
			List.of(new MaintenanceWindow("0 22 * * *", null, 7200L, "Europe/Berlin"),
					new MaintenanceWindow(null, Instant.parse("2026-11-27T02:00:00Z"), 600L, null)));

	/** Only a constant rate. */
	static final Rollout RATE_ONLY = new Rollout(200, null, null, null, null, null, null, null, null);

	static final RolloutTotals TOTALS = new RolloutTotals(1000, 600, 20, 10, 0, 100, 5, 265);

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
						new JobAction(new MethodInvocation("lockDoor", null, null, null), null), null, null, null),
				new JobRequest("rollout-1", new JobTarget(null, null, Map.of("kind", "door-lock")),
						new JobAction(LOCK_DOOR, null), null, 300L, Map.of(), FULL_ROLLOUT),
				new JobRequest(null, new JobTarget("*", null, null), new JobAction(null, BUILDING_FLOOR), null, null,
						null, RATE_ONLY)));
		samples.put("JobRequestRejected",
				List.of(new JobRequestRejected("erp-4711", JOB_ID, "kafka", "VALIDATION_FAILED",
						"action.directMethod.methodName", "must not contain '/'", NOW),
						new JobRequestRejected(null, null, "kafka", "UNPARSEABLE", null, "not JSON", NOW)));
		samples.put("ScheduleJob", List.of(
				new ScheduleJob(JOB_ID, "erp-4711", JobType.DEVICE_METHOD, "deviceId IN ['door-1', 'o\\'brien']",
						LOCK_DOOR, null, NOW, 600, Map.of("ticket", "T-1"), "rest", "ops-key", NOW),
				new ScheduleJob(JOB_ID, null, JobType.TWIN_UPDATE, "tags.building = 43", null, BUILDING_FLOOR, NOW,
						3600, Map.of(), "kafka", "fleetjobs.requests", NOW),
				new ScheduleJob(JOB_ID, "rollout-1", JobType.DEVICE_METHOD, "tags.kind = 'door-lock'", LOCK_DOOR, null,
						NOW, 300, Map.of(), "rest", "ops-key", NOW, FULL_ROLLOUT)));
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
		samples.put("JobProgress", List.of(
				new JobProgress(JOB_ID, 3, "erp-4711", JobType.DEVICE_METHOD, JobStatus.COMPLETED,
						new DeviceJobStatistics(2, 1, 1, 0, 0), NOW, NOW, NOW, null, true, 2, Map.of("ticket", "T-1"),
						NOW),
				new JobProgress(JOB_ID, 1, null, JobType.TWIN_UPDATE, JobStatus.QUEUED, DeviceJobStatistics.EMPTY, null,
						null, null, "quota", false, 0, Map.of(), NOW),
				new JobProgress(JOB_ID, 12, "rollout-1", JobType.DEVICE_METHOD, JobStatus.RUNNING,
						new DeviceJobStatistics(1000, 30, 610, 40, 320), NOW, NOW, null, null, false, 0, Map.of(), NOW,
						new RolloutProgress(RolloutPhase.RUNNING, TargetSelection.SNAPSHOT, TOTALS, 400.0, 9, null,
								null,
								List.of(new WaveProgress(9, 1, JOB_ID.substring(0, 30) + "-w9", JobStatus.RUNNING,
										new DeviceJobStatistics(50, 0, 10, 40, 0), false, 0, NOW, null),
										new WaveProgress(8, 2, JOB_ID.substring(0, 30) + "-w8", JobStatus.COMPLETED,
												new DeviceJobStatistics(5, 1, 4, 0, 0), true, 5, NOW, NOW, true)))),
				new JobProgress(JOB_ID, 40, null, JobType.TWIN_UPDATE, JobStatus.CANCELLED,
						new DeviceJobStatistics(1000, 300, 200, 0, 500), NOW, NOW, NOW,
						"ABORTED: FAILED reached 30.0% of 500 executed devices (threshold 20.0%)", true, 500, Map.of(),
						NOW, new RolloutProgress(RolloutPhase.ENDED, TargetSelection.CONTINUOUS, TOTALS, 0, 10, NOW,
								"aborted", List.of()))));
		samples.put("DeviceResult",
				List.of(new DeviceResult(JOB_ID, "door-1", JobType.DEVICE_METHOD, DeviceJobStatus.COMPLETED, 200,
						Map.of("Response", "lockDoor called successfully"), null, null, NOW, NOW, NOW),
						new DeviceResult(JOB_ID, "door-2", JobType.DEVICE_METHOD, DeviceJobStatus.FAILED, null, null,
								"404103", "Timed out waiting for device to connect.", null, null, null),
						new DeviceResult(JOB_ID, "door-3", JobType.DEVICE_METHOD, DeviceJobStatus.COMPLETED, 200, null,
								null, null, NOW, NOW, NOW, JOB_ID.substring(0, 30) + "-w7", 7, 3)));
		String wave = JOB_ID.substring(0, 30) + "-w3";
		samples.put("RolloutAccepted",
				List.of(new RolloutAccepted(JOB_ID, "rollout-1", JobType.DEVICE_METHOD, "tags.kind = 'door-lock'",
						FULL_ROLLOUT, NOW, Map.of("ticket", "T-1"), NOW),
						new RolloutAccepted(JOB_ID, null, JobType.TWIN_UPDATE, "*", RATE_ONLY, NOW, Map.of(), NOW)));
		samples
			.put("DevicesJoined",
					List.of(new DevicesJoined(JOB_ID, TargetSelection.SNAPSHOT, 1000, List.of("door-1", "door-2"),
							TOTALS, NOW),
							new DevicesJoined(JOB_ID, TargetSelection.CONTINUOUS, 0, List.of(), TOTALS, NOW)));
		samples.put("WaveStarted",
				List.of(new WaveStarted(JOB_ID, 3, 1, wave, JobType.DEVICE_METHOD, 33, 200.0, "queued", NOW, TOTALS,
						NOW),
						new WaveStarted(JOB_ID, 4, 2, wave, JobType.TWIN_UPDATE, 1, 0, "running", null, TOTALS, NOW)));
		samples.put("WaveCompleted", List.of(new WaveCompleted(JOB_ID, 3, 1, wave, 33, 30, 2, 1, 0, TOTALS, NOW)));
		samples.put("RetryScheduled",
				List.of(new RetryScheduled(JOB_ID, 2, FailureType.TIMED_OUT, 1, 3, NOW, TOTALS, NOW)));
		samples.put("RolloutAborted",
				List.of(new RolloutAborted(JOB_ID, new AbortCriterion(FailureType.FAILED, 20.0, 50, AbortAction.CANCEL),
						66, 20, 30.3, List.of(3), TOTALS, NOW),
						new RolloutAborted(JOB_ID, new AbortCriterion(FailureType.ALL, 5.0, null, null), 100, 6, 6.0,
								List.of(), TOTALS, NOW)));
		samples.put("RolloutPaused", List.of(new RolloutPaused(JOB_ID, "outside its maintenance windows", NOW, NOW),
				new RolloutPaused(JOB_ID, "outside its maintenance windows", null, NOW)));
		samples.put("RolloutResumed", List.of(new RolloutResumed(JOB_ID, NOW, NOW)));
		samples.put("RolloutEnded", List.of(new RolloutEnded(JOB_ID, RolloutOutcome.COMPLETED, null, 30, TOTALS, NOW),
				new RolloutEnded(JOB_ID, RolloutOutcome.ABORTED, "FAILED reached 30%", 3, TOTALS, NOW)));
		return samples;
	}

}
