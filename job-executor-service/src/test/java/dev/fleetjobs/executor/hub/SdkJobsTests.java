package dev.fleetjobs.executor.hub;

import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.executor.scheduling.HubJob;
import dev.fleetjobs.executor.scheduling.JobDefinition;
import dev.fleetjobs.executor.testsupport.Commands;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands into the SDK's arguments, and the SDK's parsed job (from the hub's JSON) back
 * into a definition that compares equal with the command's.
 */
class SdkJobsTests {

	@Test
	void givenAMethodJobAsTheHubReportsItThenItsDefinitionEqualsTheCommands() {
		// Given the hub's JSON for the tutorial's lockDoor job, parsed by the SDK
		ScheduleJob command = Commands.lockDoor("job-1", "door-1");
		ScheduledJob parsed = new ScheduledJob("{\"jobId\":\"job-1\",\"type\":\"scheduleDeviceMethod\","
				+ "\"status\":\"running\",\"queryCondition\":\"deviceId IN ['door-1']\",\"maxExecutionTimeInSeconds\":60,"
				+ "\"createdTime\":\"2026-11-26T12:00:00.1234567Z\",\"cloudToDeviceMethod\":{\"methodName\":\"lockDoor\","
				+ "\"payload\":{\"lockTime\":\"10m\"},\"responseTimeoutInSeconds\":10,\"connectTimeoutInSeconds\":0}}");

		// When it is translated
		HubJob job = SdkJobs.hubJob(parsed);

		// Then status and time are kept and the definition equals the command's
		assertThat(job.status()).isEqualTo("running");
		assertThat(job.createdTime()).hasToString("2026-11-26T12:00:00.123Z");
		assertThat(JobDefinition.of(command).differencesFrom(job.definition())).isEmpty();
	}

	@Test
	void givenATwinJobAsTheHubReportsItThenItsDefinitionEqualsTheCommands() {
		ScheduleJob command = Commands.buildingFloor("job-2", "door-1");
		ScheduledJob parsed = new ScheduledJob("{\"jobId\":\"job-2\",\"type\":\"scheduleUpdateTwin\","
				+ "\"status\":\"completed\",\"queryCondition\":\"deviceId IN ['door-1']\",\"maxExecutionTimeInSeconds\":60,"
				+ "\"updateTwin\":{\"etag\":\"*\",\"tags\":{\"site\":\"north\"},"
				+ "\"properties\":{\"desired\":{\"floor\":3,\"building\":43}}}}");

		HubJob job = SdkJobs.hubJob(parsed);

		assertThat(job.definition().type()).isEqualTo(JobType.TWIN_UPDATE);
		assertThat(JobDefinition.of(command).differencesFrom(job.definition())).isEmpty();
	}

	@Test
	void givenATwinUpdateCommandThenTheSdkTwinCarriesTheTagsAndDesiredPropertiesWithAnyEtag() {
		Twin twin = SdkJobs.twinPatch(Commands.buildingFloor("job-3", "door-1"));

		assertThat(twin.getETag()).isEqualTo("*");
		assertThat(twin.getDesiredProperties()).containsEntry("building", 43).containsEntry("floor", 3);
		assertThat(twin.getTags()).containsEntry("site", "north");
	}

	@Test
	void givenAMethodCommandThenTheOptionsCarryPayloadTimeoutsAndDeadline() {
		var options = SdkJobs.methodOptions(Commands.lockDoor("job-4", "door-1"));

		assertThat(options.getPayload()).isEqualTo(java.util.Map.of("lockTime", "10m"));
		assertThat(options.getMethodResponseTimeoutSeconds()).isEqualTo(10);
		assertThat(options.getMethodConnectTimeoutSeconds()).isZero();
		assertThat(options.getMaxExecutionTimeSeconds()).isEqualTo(60);
	}

}
