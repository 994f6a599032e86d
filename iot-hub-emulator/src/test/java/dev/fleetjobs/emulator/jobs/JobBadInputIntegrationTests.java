package dev.fleetjobs.emulator.jobs;

import java.time.Duration;
import java.util.Date;
import java.util.UUID;

import com.microsoft.azure.sdk.iot.service.exceptions.IotHubBadFormatException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubConflictException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubNotFoundException;
import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.JobPolling;
import dev.fleetjobs.emulator.support.SdkRest;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad job bodies get the hub's 400 with a message that names the field, through the SDK's
 * own transport and error mapping; conflicts and unknown jobs get 409 and 404; the
 * emulator keeps serving jobs afterwards.
 */
@EmulatorTest
class JobBadInputIntegrationTests {

	private static final String METHOD = "\"type\":\"scheduleDeviceMethod\",\"cloudToDeviceMethod\":{\"methodName\":\"lockDoor\",\"payload\":null,\"responseTimeoutInSeconds\":10}";

	private static final String WHERE = "\"queryCondition\":\"deviceId = 'nobody'\"";

	private ServiceClients service;

	@AfterEach
	void jobsStillRun() throws Exception {
		if (this.service != null) {
			String jobId = "after-bad-input-" + UUID.randomUUID();
			this.service.jobs()
				.scheduleDirectMethod(jobId, "deviceId = 'nobody'", "lockDoor", new Date(),
						DirectMethodsJobOptions.builder().build());
			assertThat(JobPolling.awaitFinished(this.service.jobs(), jobId, Duration.ofSeconds(5)).getJobStatus())
				.isEqualTo(ScheduledJobStatus.completed);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					jobId too long       | x1234567890123456789012345678901234567890123456789012345678901234 | {@M,@Q}                                          | jobId is 65 characters long
					jobId with _         | bad_id   | {@M,@Q}                                                                                    | jobId 'bad_id' is invalid
					type missing         | j-type   | {"cloudToDeviceMethod":{"methodName":"x"},@Q}                                                  | type must be scheduleDeviceMethod or scheduleUpdateTwin; it is missing
					type unknown         | j-type2  | {"type":"reboot",@Q}                                                                           | it is 'reboot'
					no query condition   | j-q1     | {@M}                                                                                          | queryCondition is required
					query garbage        | j-q2     | {@M,"queryCondition":"deviceId IN ["}                                                         | queryCondition is invalid
					query on jobs        | j-q3     | {@M,"queryCondition":"FROM devices.jobs WHERE status = 'failed'"}                             | queryCondition must select from devices
					query not a string   | j-q4     | {@M,"queryCondition":42}                                                                      | queryCondition must be a string
					method name          | j-m1     | {"type":"scheduleDeviceMethod","cloudToDeviceMethod":{"methodName":"lock door"},@Q}             | cloudToDeviceMethod: The method name 'lock door' is invalid
					no method name       | j-m2     | {"type":"scheduleDeviceMethod","cloudToDeviceMethod":{"payload":1},@Q}                          | cloudToDeviceMethod: The methodName is missing
					response timeout     | j-m3     | {"type":"scheduleDeviceMethod","cloudToDeviceMethod":{"methodName":"x","responseTimeoutInSeconds":400},@Q} | responseTimeoutInSeconds is 400; it must be between 5 and 300
					connect timeout      | j-m4     | {"type":"scheduleDeviceMethod","cloudToDeviceMethod":{"methodName":"x","connectTimeoutInSeconds":-1},@Q}   | connectTimeoutInSeconds is -1; it must be between 0 and 300
					timeout not a number | j-m5     | {"type":"scheduleDeviceMethod","cloudToDeviceMethod":{"methodName":"x","responseTimeoutInSeconds":"ten"},@Q} | responseTimeoutInSeconds must be a whole number
					method missing       | j-m6     | {"type":"scheduleDeviceMethod",@Q}                                                             | cloudToDeviceMethod is required
					both actions         | j-m7     | {@M,"updateTwin":{"tags":{"a":1}},@Q}                                                      | updateTwin must be absent
					negative max time    | j-t1     | {@M,@Q,"maxExecutionTimeInSeconds":-5}                                                     | maxExecutionTimeInSeconds is -5
					max time not a number| j-t2     | {@M,@Q,"maxExecutionTimeInSeconds":"soon"}                                                 | maxExecutionTimeInSeconds must be a whole number
					bad start time       | j-t3     | {@M,@Q,"startTime":"yesterday"}                                                            | startTime "yesterday" is not an ISO-8601
					twin missing         | j-w1     | {"type":"scheduleUpdateTwin",@Q}                                                               | updateTwin is required
					twin reported        | j-w2     | {"type":"scheduleUpdateTwin","updateTwin":{"properties":{"reported":{"a":1}}},@Q}              | Reported properties can only be changed by the device
					twin bad name        | j-w4     | {"type":"scheduleUpdateTwin","updateTwin":{"tags":{"$bad":1}},@Q}                              | property name '$bad' in tags is invalid
					body jobId differs   | j-b1     | {"jobId":"other",@M,@Q}                                                                    | jobId 'other' in the body differs
					body not an object   | j-b2     | [1,2]                                                                                             | must be a JSON object
					body not JSON        | j-b3     | {"type":                                                                                          | not valid JSON
					""")
	void givenABadJobBodyWhenItIsPutThenTheHubs400NamesTheField(String name, String jobId, String body, String message,
			IotHubEmulator hub, ServiceClients service) {
		this.service = service;
		String json = body.replace("@M", METHOD).replace("@Q", WHERE);

		assertThatThrownBy(() -> SdkRest.send(hub, "PUT", "/jobs/v2/" + jobId, json))
			.isInstanceOf(IotHubBadFormatException.class)
			.hasMessageContaining(message);
	}

	@Test
	void givenAMethodPayloadOver128KbWhenTheJobIsCreatedThenTheHubs400NamesTheLimit(ServiceClients service) {
		this.service = service;
		var options = DirectMethodsJobOptions.builder().payload("x".repeat(129 * 1024)).build();

		assertThatThrownBy(() -> service.jobs().scheduleDirectMethod("big-job", "*", "lockDoor", new Date(), options))
			.isInstanceOf(IotHubBadFormatException.class)
			.hasMessageContaining("128 KB");
	}

	@Test
	void givenAnExistingJobIdWhenItIsCreatedAgainThenTheHubAnswers409(ServiceClients service) throws Exception {
		this.service = service;
		String jobId = "twice-" + UUID.randomUUID();
		service.jobs()
			.scheduleDirectMethod(jobId, "deviceId = 'nobody'", "lockDoor", new Date(),
					DirectMethodsJobOptions.builder().build());

		assertThatThrownBy(() -> service.jobs()
			.scheduleDirectMethod(jobId, "deviceId = 'nobody'", "lockDoor", new Date(),
					DirectMethodsJobOptions.builder().build()))
			.isInstanceOf(IotHubConflictException.class)
			.hasMessageContaining("JobAlreadyExists");
	}

	@Test
	void givenAnUnknownJobIdWhenItIsReadOrCancelledThenTheHubAnswers404(ServiceClients service) {
		this.service = service;

		assertThatThrownBy(() -> service.jobs().get("no-such-job")).isInstanceOf(IotHubNotFoundException.class)
			.hasMessageContaining("JobNotFound");
		assertThatThrownBy(() -> service.jobs().cancel("no-such-job")).isInstanceOf(IotHubNotFoundException.class);
	}

	@Test
	void givenAnUnknownStatusFilterWhenJobsAreListedThenTheHubs400NamesIt(IotHubEmulator hub, ServiceClients service) {
		this.service = service;

		assertThatThrownBy(() -> SdkRest.send(hub, "GET", "/jobs/v2/query?jobStatus=bogus", null))
			.isInstanceOf(IotHubBadFormatException.class)
			.hasMessageContaining("jobStatus 'bogus'");
	}

}
