package dev.fleetjobs.emulator.jobs;

import java.time.Instant;

import dev.fleetjobs.emulator.json.Json;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * One device's part in a job: status, times, the device's answer to a method, or an
 * error. Immutable; a new record replaces it on each change.
 */
final class DeviceJobRecord {

	final String deviceId;

	final DeviceStatus status;

	final Instant startTime;

	final Instant endTime;

	final Integer methodStatus;

	final JsonNode methodPayload;

	final String errorCode;

	final String errorDescription;

	DeviceJobRecord(String deviceId, DeviceStatus status, Instant startTime, Instant endTime, Integer methodStatus,
			JsonNode methodPayload, String errorCode, String errorDescription) {
		this.deviceId = deviceId;
		this.status = status;
		this.startTime = startTime;
		this.endTime = endTime;
		this.methodStatus = methodStatus;
		this.methodPayload = methodPayload;
		this.errorCode = errorCode;
		this.errorDescription = errorDescription;
	}

	static DeviceJobRecord running(String deviceId, Instant now) {
		return new DeviceJobRecord(deviceId, DeviceStatus.RUNNING, now, null, null, null, null, null);
	}

	/** The device answered a method: 2xx completes it, anything else fails it. */
	DeviceJobRecord answered(int status, JsonNode payload, String methodName, Instant now) {
		boolean ok = status >= 200 && status < 300;
		return new DeviceJobRecord(this.deviceId, ok ? DeviceStatus.COMPLETED : DeviceStatus.FAILED, this.startTime,
				now, status, payload, ok ? null : "DeviceMethodFailed",
				ok ? null : "The device answered " + methodName + " with status " + status + ".");
	}

	DeviceJobRecord completed(Instant now) {
		return new DeviceJobRecord(this.deviceId, DeviceStatus.COMPLETED, this.startTime, now, null, null, null, null);
	}

	DeviceJobRecord ended(DeviceStatus status, String code, String description, Instant now) {
		return new DeviceJobRecord(this.deviceId, status, this.startTime, now, null, null, code, description);
	}

	Instant lastUpdated(Instant created) {
		return (this.endTime != null) ? this.endTime : (this.startTime != null) ? this.startTime : created;
	}

	/** Writes the record as the store keeps it, as the value of its device id. */
	void write(JsonGenerator json) {
		json.writeName(this.deviceId);
		json.writeStartObject();
		json.writeStringProperty("status", this.status.name());
		if (this.startTime != null) {
			json.writeStringProperty("startTime", this.startTime.toString());
		}
		if (this.endTime != null) {
			json.writeStringProperty("endTime", this.endTime.toString());
		}
		if (this.methodStatus != null) {
			json.writeNumberProperty("methodStatus", this.methodStatus);
			json.writeName("methodPayload");
			json.writeTree(this.methodPayload);
		}
		if (this.errorCode != null) {
			json.writeStringProperty("errorCode", this.errorCode);
			json.writeStringProperty("errorDescription", this.errorDescription);
		}
		json.writeEndObject();
	}

	static DeviceJobRecord read(String deviceId, JsonNode node) {
		return new DeviceJobRecord(deviceId, DeviceStatus.valueOf(node.get("status").asString()),
				Json.instant(node, "startTime"), Json.instant(node, "endTime"),
				node.has("methodStatus") ? node.get("methodStatus").asInt() : null, node.get("methodPayload"),
				Json.string(node, "errorCode"), Json.string(node, "errorDescription"));
	}

}
