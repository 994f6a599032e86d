package dev.fleetjobs.emulator.jobs;

import java.time.Instant;

import dev.fleetjobs.emulator.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes device job records as {@code SELECT * FROM devices.jobs} returns them
 * (iot-hub-protocol.md §1.8): {@code jobType} (never {@code type}), no null-valued
 * {@code outcome} for method records, and the {@link DeviceRecordStyle} switch.
 */
final class DeviceRecords {

	private DeviceRecords() {
	}

	static ObjectNode json(JobRun job, DeviceJobRecord record, DeviceRecordStyle style) {
		Instant created = job.startedTime();
		ObjectNode json = Json.object();
		json.put("deviceId", record.deviceId);
		json.put("jobId", job.definition().jobId());
		json.put("jobType", job.definition().type().wireName());
		json.put("status", record.status.wireName());
		if (record.startTime != null) {
			json.put("startTimeUtc", Json.time(record.startTime));
		}
		if (record.endTime != null) {
			json.put("endTimeUtc", Json.time(record.endTime));
		}
		json.put("createdDateTimeUtc", Json.time(created));
		json.put("lastUpdatedDateTimeUtc", Json.time(record.lastUpdated(created)));
		if (job.definition().type() == JobType.UPDATE_TWIN) {
			json.putObject("outcome").putNull("deviceMethodResponse");
		}
		else if (record.methodStatus != null) {
			ObjectNode response = Json.object();
			response.put("status", record.methodStatus);
			response.set("payload", record.methodPayload);
			json.putObject("outcome").set("deviceMethodResponse", response);
			if (style == DeviceRecordStyle.JAVA_2_1_9) {
				json.set("cloudToDeviceMethod", response.deepCopy());
			}
		}
		else if (style == DeviceRecordStyle.DOCS && record.status.isFinal()) {
			json.putObject("outcome").putNull("deviceMethodResponse");
		}
		if (record.errorCode != null) {
			json.putObject("error").put("code", record.errorCode).put("description", record.errorDescription);
		}
		return json;
	}

	/** A device the job has not reached yet. */
	static ObjectNode queued(JobRun job, String deviceId) {
		Instant created = job.startedTime();
		ObjectNode json = Json.object();
		json.put("deviceId", deviceId);
		json.put("jobId", job.definition().jobId());
		json.put("jobType", job.definition().type().wireName());
		json.put("status", DeviceStatus.QUEUED.wireName());
		json.put("createdDateTimeUtc", Json.time(created));
		json.put("lastUpdatedDateTimeUtc", Json.time(created));
		return json;
	}

}
