package dev.fleetjobs.emulator.jobs;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonParser;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobType;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.Devices;
import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.JobPolling;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed tutorial ("Schedule and broadcast jobs") in Java with the official SDKs: a
 * device answers {@code lockDoor} and prints twin patches; a back end schedules a method
 * job and a twin job on it, start now, max execution 60 s, and polls both to the end.
 */
@EmulatorTest
class SeedTutorialIntegrationTests {

	@Test
	void givenTheTutorialDeviceWhenTheBackEndSchedulesBothJobsThenBothCompleteWithExactStatistics(IotHubEmulator hub,
			ServiceClients service) throws Exception {
		// Given a registered device that answers lockDoor and prints desired patches
		String deviceId = "tutorial-door-" + UUID.randomUUID().toString().substring(0, 8);
		service.registry().addDevice(new Device(deviceId));
		BlockingQueue<String> lockCalls = new LinkedBlockingQueue<>();
		BlockingQueue<com.microsoft.azure.sdk.iot.device.twin.Twin> patches = new LinkedBlockingQueue<>();
		DeviceClient device = Devices.overWebSockets(hub, deviceId);
		device.open(true);
		try {
			device.subscribeToMethods((name, payload, context) -> {
				if (!"lockDoor".equals(name)) {
					return new DirectMethodResponse(404, "unknown method " + name);
				}
				System.out.println("Locking Door!");
				lockCalls.add(payload.getPayloadAsJsonString());
				return new DirectMethodResponse(200, Map.of("Response", "lockDoor called successfully"));
			}, null);
			device.subscribeToDesiredProperties((twin, context) -> {
				System.out.println("Twin desired properties patch received: " + twin.getDesiredProperties());
				patches.add(twin);
			}, null);
			String condition = "DeviceId IN ['" + deviceId + "']";

			// When the back end schedules the lockDoor job and the twin job, start now
			String methodJobId = UUID.randomUUID().toString();
			ScheduledJob methodJob = service.jobs()
				.scheduleDirectMethod(methodJobId, condition, "lockDoor", new Date(),
						DirectMethodsJobOptions.builder()
							.payload(JsonParser.parseString("{\"lockTime\":\"10m\"}"))
							.maxExecutionTimeSeconds(60)
							.build());
			String twinJobId = UUID.randomUUID().toString();
			Twin patch = new Twin();
			patch.getDesiredProperties().put("building", 43);
			patch.getDesiredProperties().put("floor", 3);
			ScheduledJob twinJob = service.jobs().scheduleUpdateTwin(twinJobId, condition, patch, new Date(), 60);

			// Then both are accepted as queued jobs of the right type
			assertThat(methodJob.getJobStatus()).isEqualTo(ScheduledJobStatus.queued);
			assertThat(methodJob.getJobType()).isEqualTo(ScheduledJobType.scheduleDeviceMethod);
			assertThat(twinJob.getJobType()).isEqualTo(ScheduledJobType.scheduleUpdateTwin);

			// And polling both ends with completed and exact statistics
			for (String jobId : List.of(methodJobId, twinJobId)) {
				ScheduledJob done = JobPolling.awaitFinished(service.jobs(), jobId, Duration.ofSeconds(30));
				assertThat(done.getJobStatus()).as(jobId).isEqualTo(ScheduledJobStatus.completed);
				assertThat(done.getJobStatistics().getDeviceCount()).isEqualTo(1);
				assertThat(done.getJobStatistics().getSucceededCount()).isEqualTo(1);
				assertThat(done.getJobStatistics().getFailedCount()).isZero();
				assertThat(done.getJobStatistics().getRunningCount()).isZero();
				assertThat(done.getJobStatistics().getPendingCount()).isZero();
				assertThat(done.getCreatedTime()).isNotNull();
				assertThat(done.getStartTime()).isNotNull();
				assertThat(done.getEndTime()).isAfterOrEqualTo(done.getStartTime());
				assertThat(done.getMaxExecutionTimeInSeconds()).isEqualTo(60);
				assertThat(done.getQueryCondition()).isEqualTo(condition);
			}

			// And the device locked its door once and got the patch with its $version
			assertThat(lockCalls.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"lockTime\":\"10m\"}");
			assertThat(lockCalls).isEmpty();
			var received = patches.poll(5, TimeUnit.SECONDS);
			assertThat(received).isNotNull();
			assertThat(number(received.getDesiredProperties().get("building"))).isEqualTo(43);
			assertThat(number(received.getDesiredProperties().get("floor"))).isEqualTo(3);
			assertThat(received.getDesiredProperties().getVersion()).isEqualTo(2);
			assertThat(number(service.twins().get(deviceId).getDesiredProperties().get("building"))).isEqualTo(43);

			// And the device records say what the device answered
			List<ScheduledJob> records = JobPolling.deviceRecords(service.query(), methodJobId, 10);
			assertThat(records).hasSize(1);
			ScheduledJob record = records.get(0);
			assertThat(record.getDeviceId()).isEqualTo(deviceId);
			assertThat(record.getJobStatus()).isEqualTo(ScheduledJobStatus.completed);
			assertThat(record.getOutcomeResult().getStatus()).isEqualTo(200);
			assertThat(record.getOutcomeResult().getPayloadAsJsonString())
				.isEqualTo("{\"Response\":\"lockDoor called successfully\"}");
			ScheduledJob twinRecord = JobPolling.deviceRecords(service.query(), twinJobId, 10).get(0);
			assertThat(twinRecord.getJobType()).isEqualTo(ScheduledJobType.scheduleUpdateTwin);
			assertThat(twinRecord.getJobStatus()).isEqualTo(ScheduledJobStatus.completed);
		}
		finally {
			device.close();
		}
	}

	private static int number(Object value) {
		return ((Number) value).intValue();
	}

}
