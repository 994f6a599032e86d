package dev.fleetjobs.executor.hub;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobType;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import com.microsoft.azure.sdk.iot.service.twin.TwinCollection;
import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.request.MethodInvocation;
import dev.fleetjobs.executor.scheduling.CanonicalJson;
import dev.fleetjobs.executor.scheduling.HubJob;
import dev.fleetjobs.executor.scheduling.JobDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Translates between commands and the SDK's job types: the options of a direct-method
 * job, the twin of a twin-update job, and a {@link ScheduledJob} back into a
 * {@link HubJob} with its definition.
 */
final class SdkJobs {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SdkJobs() {
	}

	static Date startTime(ScheduleJob command) {
		return Date.from((command.startTime() != null) ? command.startTime() : Instant.now());
	}

	static DirectMethodsJobOptions methodOptions(ScheduleJob command) {
		MethodInvocation method = command.directMethod();
		return DirectMethodsJobOptions.builder()
			.payload(method.payload())
			.methodResponseTimeoutSeconds(JobDefinition.responseTimeout(method))
			.methodConnectTimeoutSeconds(JobDefinition.connectTimeout(method))
			.maxExecutionTimeSeconds((int) Math.min(Integer.MAX_VALUE, command.maxExecutionTimeInSeconds()))
			.build();
	}

	static Twin twinPatch(ScheduleJob command) {
		Twin twin = new Twin();
		twin.setETag("*");
		putAll(twin.getTags(), command.twinUpdate().tags());
		putAll(twin.getDesiredProperties(), command.twinUpdate().desiredProperties());
		return twin;
	}

	private static void putAll(TwinCollection collection, Map<String, Object> values) {
		if (values != null) {
			collection.putAll(values);
		}
	}

	/**
	 * The hub's answer to a create: status and time (the definition is the command's).
	 */
	static HubJob created(ScheduledJob job) {
		Date created = job.getCreatedTime();
		return new HubJob(job.getJobId(), job.getJobStatus().name(), (created != null) ? created.toInstant() : null,
				null);
	}

	/** A job as the hub reports it, with its definition. */
	static HubJob hubJob(ScheduledJob job) {
		HubJob answer = created(job);
		return new HubJob(answer.jobId(), answer.status(), answer.createdTime(), definition(job));
	}

	static JobDefinition definition(ScheduledJob job) {
		long maxExecution = (job.getMaxExecutionTimeInSeconds() != null) ? job.getMaxExecutionTimeInSeconds() : 0;
		if (job.getJobType() == ScheduledJobType.scheduleDeviceMethod && job.getCloudToDeviceMethod() != null) {
			JsonNode method = JSON.readTree(job.getCloudToDeviceMethod());
			return new JobDefinition(JobType.DEVICE_METHOD, job.getQueryCondition(), maxExecution,
					method.path("methodName").asString(null), CanonicalJson.ofJson(method.path("payload").toString()),
					method.path("responseTimeoutInSeconds").asInt(0), method.path("connectTimeoutInSeconds").asInt(0),
					"{}", "{}");
		}
		if (job.getJobType() == ScheduledJobType.scheduleUpdateTwin && job.getUpdateTwin() != null) {
			Twin twin = job.getUpdateTwin();
			return new JobDefinition(JobType.TWIN_UPDATE, job.getQueryCondition(), maxExecution, null, null, 0, 0,
					canonical(twin.getDesiredProperties()), canonical(twin.getTags()));
		}
		return null;
	}

	private static String canonical(TwinCollection collection) {
		return (collection != null) ? CanonicalJson.ofJson(collection.toJsonObject().toString()) : "{}";
	}

}
