package dev.fleetjobs.executor.hub;

import java.io.IOException;

import com.google.gson.JsonParseException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubException;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.executor.scheduling.HubCallException;
import dev.fleetjobs.executor.scheduling.HubJob;
import dev.fleetjobs.executor.scheduling.IotHubJobs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@link IotHubJobs} over the official {@link ScheduledJobsClient} (iot-service-client
 * 2.1.9). Every call is timed as {@code fleetjobs_hub_call_seconds{operation,outcome}}.
 */
@Component
class SdkIotHubJobs implements IotHubJobs {

	private final HubConnection connection;

	private final MeterRegistry registry;

	SdkIotHubJobs(HubConnection connection, MeterRegistry registry) {
		this.connection = connection;
		this.registry = registry;
	}

	@Override
	public HubJob create(ScheduleJob command) throws HubCallException {
		ScheduledJobsClient client = this.connection.jobs();
		return SdkJobs.created(timed("create", () -> (command.jobType() == JobType.DEVICE_METHOD)
				? client.scheduleDirectMethod(command.jobId(), command.queryCondition(),
						command.directMethod().methodName(), SdkJobs.startTime(command), SdkJobs.methodOptions(command))
				: client.scheduleUpdateTwin(command.jobId(), command.queryCondition(), SdkJobs.twinPatch(command),
						SdkJobs.startTime(command), command.maxExecutionTimeInSeconds())));
	}

	@Override
	public HubJob get(String jobId) throws HubCallException {
		return SdkJobs.hubJob(timed("get", () -> this.connection.jobs().get(jobId)));
	}

	@Override
	public HubJob cancel(String jobId) throws HubCallException {
		return SdkJobs.hubJob(timed("cancel", () -> this.connection.jobs().cancel(jobId)));
	}

	private ScheduledJob timed(String operation, SdkCall call) throws HubCallException {
		Timer.Sample sample = Timer.start(this.registry);
		String outcome = "success";
		try {
			this.connection.renewCredentialsIfDue();
			return call.run();
		}
		catch (IotHubException ex) {
			HubCallException failure = HubErrors.from(operation, ex);
			outcome = failure.kind();
			throw failure;
		}
		catch (IOException ex) {
			outcome = "io_error";
			throw HubErrors.io(operation, ex);
		}
		catch (IllegalArgumentException | JsonParseException ex) {
			outcome = "sdk_error";
			throw HubErrors.sdk(operation, ex);
		}
		finally {
			sample.stop(Timer.builder("fleetjobs.hub.call")
				.description("IoT Hub calls by operation and outcome")
				.tag("operation", operation)
				.tag("outcome", outcome)
				.publishPercentileHistogram()
				.register(this.registry));
		}
	}

	@FunctionalInterface
	private interface SdkCall {

		ScheduledJob run() throws IOException, IotHubException;

	}

}
