package dev.fleetjobs.executor.testsupport;

import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.request.MethodInvocation;
import dev.fleetjobs.contracts.request.TwinPatch;

/**
 * Commands modelled on the seed tutorial: a {@code lockDoor} direct-method job and a
 * desired-property job ({@code building} 43, {@code floor} 3), each on one device.
 */
public final class Commands {

	public static final Instant ACCEPTED = Instant.parse("2026-11-26T12:00:00Z");

	private Commands() {
	}

	public static ScheduleJob lockDoor(String jobId, String deviceId) {
		return new ScheduleJob(jobId, "req-" + jobId, JobType.DEVICE_METHOD, "deviceId IN ['" + deviceId + "']",
				new MethodInvocation("lockDoor", Map.of("lockTime", "10m"), 10, 0), null, Instant.now(), 60,
				Map.of("ticket", "T-1"), "rest", "ops-key", ACCEPTED);
	}

	public static ScheduleJob buildingFloor(String jobId, String deviceId) {
		return new ScheduleJob(jobId, null, JobType.TWIN_UPDATE, "deviceId IN ['" + deviceId + "']", null,
				new TwinPatch(Map.of("building", 43, "floor", 3), Map.of("site", "north")), Instant.now(), 60, Map.of(),
				"kafka", "fleetjobs.requests", ACCEPTED);
	}

	public static ScheduleJob withQuery(ScheduleJob command, String queryCondition) {
		return new ScheduleJob(command.jobId(), command.requestId(), command.jobType(), queryCondition,
				command.directMethod(), command.twinUpdate(), command.startTime(), command.maxExecutionTimeInSeconds(),
				command.labels(), command.channel(), command.principal(), command.acceptedAt());
	}

	public static ScheduleJob withMethod(ScheduleJob command, MethodInvocation method) {
		return new ScheduleJob(command.jobId(), command.requestId(), command.jobType(), command.queryCondition(),
				method, command.twinUpdate(), command.startTime(), command.maxExecutionTimeInSeconds(),
				command.labels(), command.channel(), command.principal(), command.acceptedAt());
	}

	public static ScheduleJob startingAt(ScheduleJob command, Instant startTime) {
		return new ScheduleJob(command.jobId(), command.requestId(), command.jobType(), command.queryCondition(),
				command.directMethod(), command.twinUpdate(), startTime, command.maxExecutionTimeInSeconds(),
				command.labels(), command.channel(), command.principal(), command.acceptedAt());
	}

	public static CancelJob cancel(String jobId) {
		return new CancelJob(jobId, "changed my mind", "rest", "ops-key", ACCEPTED);
	}

}
