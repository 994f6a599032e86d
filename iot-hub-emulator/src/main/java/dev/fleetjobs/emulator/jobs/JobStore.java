package dev.fleetjobs.emulator.jobs;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.fleetjobs.emulator.json.Json;
import dev.fleetjobs.emulator.store.Store;
import dev.fleetjobs.emulator.store.StoreMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jobs in the store: {@code jobs} (the definition, status, times and how many devices
 * were dispatched), {@code jobDevices} (the devices selected at start, one id per line)
 * and {@code deviceJobs} (finished devices' records in batches, keyed
 * {@code jobId/batch-number}, each a JSON object by device id).
 */
final class JobStore {

	private final Store store;

	private final StoreMap jobs;

	private final StoreMap devices;

	private final StoreMap records;

	private final AtomicLong changes = new AtomicLong();

	JobStore(Store store) {
		this.store = store;
		this.jobs = store.map("jobs");
		this.devices = store.map("jobDevices");
		this.records = store.map("deviceJobs");
	}

	Store store() {
		return this.store;
	}

	/** Counts changes to jobs and their records, for caches of query results. */
	AtomicLong changes() {
		return this.changes;
	}

	boolean durable() {
		return this.store.durable();
	}

	void write(JobRun job) {
		ObjectNode json = Json.object();
		json.set("definition", JobJson.definitionJson(job.definition()));
		json.put("status", job.status.name());
		json.put("createdTime", job.createdTime().toString());
		Json.putInstant(json, "startedTime", job.startedTime);
		Json.putInstant(json, "endTime", job.endTime);
		if (job.failureReason != null) {
			json.put("failureReason", job.failureReason);
		}
		json.put("dispatched", job.cursor);
		this.jobs.put(job.jobId(), Json.text(json));
	}

	void writeDevices(JobRun job) {
		this.devices.put(job.jobId(), String.join("\n", job.deviceIds));
	}

	/**
	 * Saves the records that ended since the last save, as one entry: one store write per
	 * batch, not per device. The caller holds the job's lock.
	 */
	void saveRecords(JobRun job) {
		if (job.unsaved.isEmpty()) {
			return;
		}
		StringWriter text = new StringWriter(job.unsaved.size() * 160);
		try (JsonGenerator json = Json.MAPPER.createGenerator(text)) {
			json.writeStartObject();
			job.unsaved.forEach((record) -> record.write(json));
			json.writeEndObject();
		}
		this.records.put(job.jobId() + "/" + String.format("%08d", job.savedBatches++), text.toString());
		job.unsaved = new ArrayList<>();
	}

	/** Every stored job, with its devices and finished records. */
	List<Stored> readAll() {
		List<Stored> all = new ArrayList<>();
		for (Map.Entry<String, String> entry : this.jobs.entries()) {
			JsonNode json = Json.read(entry.getValue());
			JobDefinition definition = JobJson.definition(entry.getKey(), (ObjectNode) json.get("definition"));
			JobRun job = new JobRun(definition, Instant.parse(json.get("createdTime").asString()),
					JobStatus.valueOf(json.get("status").asString()), this.changes);
			job.startedTime = Json.instant(json, "startedTime");
			job.endTime = Json.instant(json, "endTime");
			job.failureReason = Json.string(json, "failureReason");
			String ids = this.devices.get(entry.getKey());
			Map<String, DeviceJobRecord> finished = new HashMap<>();
			String prefix = entry.getKey() + "/";
			int batches = 0;
			for (Map.Entry<String, String> batch : this.records.entriesWithPrefix(prefix)) {
				Json.read(batch.getValue())
					.properties()
					.forEach((record) -> finished.put(record.getKey(),
							DeviceJobRecord.read(record.getKey(), record.getValue())));
				batches++;
			}
			job.savedBatches = batches;
			all.add(new Stored(job, (ids == null) ? null : (ids.isEmpty() ? new String[0] : ids.split("\n")),
					json.get("dispatched").asInt(), finished));
		}
		return all;
	}

	void delete(String jobId) {
		this.changes.incrementAndGet();
		this.jobs.remove(jobId);
		this.devices.remove(jobId);
		List<String> keys = new ArrayList<>();
		this.records.entriesWithPrefix(jobId + "/").forEach((entry) -> keys.add(entry.getKey()));
		keys.forEach(this.records::remove);
	}

	/**
	 * A job as stored: its devices (null when it never started) and how many were
	 * dispatched.
	 */
	record Stored(JobRun job, String[] deviceIds, int dispatched, Map<String, DeviceJobRecord> finished) {
	}

}
