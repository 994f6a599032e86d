package dev.fleetjobs.emulator.jobs;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.fleetjobs.emulator.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * One job's mutable state: its status and times, the devices its query selected (sorted),
 * each device's record, and the counts behind {@code deviceJobStatistics}. Guarded by its
 * own monitor; the {@link JobRunner} makes every transition.
 */
final class JobRun {

	private final JobDefinition definition;

	private final Instant createdTime;

	volatile JobStatus status;

	volatile Instant startedTime;

	volatile Instant endTime;

	volatile String failureReason;

	/** The selected devices, sorted; empty until the job starts. */
	volatile String[] deviceIds = new String[0];

	/** Each device's record; null while the device waits ({@code queued}). */
	volatile DeviceJobRecord[] records = new DeviceJobRecord[0];

	/**
	 * Devices before this index have been dispatched or have ended; after it, a device
	 * with no record waits.
	 */
	int cursor;

	int waiting;

	int running;

	int succeeded;

	int failed;

	/** Records that ended since they were last saved, in the order they ended. */
	List<DeviceJobRecord> unsaved = new ArrayList<>();

	/** How many batches of records were saved. */
	int savedBatches;

	ScheduledFuture<?> startTimer;

	ScheduledFuture<?> deadlineTimer;

	final AtomicBoolean pumpQueued = new AtomicBoolean();

	/** The method payload, serialized once for every device. */
	private final byte[] payload;

	/** Counts changes to any job's records, for caches of query results. */
	private final AtomicLong changes;

	JobRun(JobDefinition definition, Instant createdTime, JobStatus status, AtomicLong changes) {
		this.changes = changes;
		this.definition = definition;
		this.createdTime = createdTime;
		this.status = status;
		this.payload = (definition.method() != null) ? Json.bytes(definition.method().payload()) : null;
	}

	byte[] payload() {
		return this.payload;
	}

	JobDefinition definition() {
		return this.definition;
	}

	Instant createdTime() {
		return this.createdTime;
	}

	Instant startedTime() {
		return (this.startedTime != null) ? this.startedTime : this.createdTime;
	}

	String jobId() {
		return this.definition.jobId();
	}

	/** Sets the selected devices when the job starts; every device waits. */
	void devices(String[] ids) {
		this.records = new DeviceJobRecord[ids.length];
		this.deviceIds = ids;
		this.cursor = 0;
		this.waiting = ids.length;
		this.changes.incrementAndGet();
	}

	int pending() {
		return this.waiting;
	}

	/** Sets a device's record and moves it between the counts. */
	void record(int index, DeviceJobRecord record) {
		DeviceJobRecord previous = this.records[index];
		if (previous == null) {
			this.waiting--;
		}
		else {
			count(previous.status, -1);
		}
		count(record.status, 1);
		this.records[index] = record;
		this.changes.incrementAndGet();
		if (record.status.isFinal()) {
			this.unsaved.add(record);
		}
	}

	private void count(DeviceStatus status, int delta) {
		switch (status) {
			case RUNNING -> this.running += delta;
			case COMPLETED -> this.succeeded += delta;
			case FAILED, CANCELLED -> this.failed += delta;
			case QUEUED -> this.waiting += delta;
		}
	}

	synchronized JobView view() {
		JobStatistics statistics = new JobStatistics(this.deviceIds.length, this.failed, this.succeeded, this.running,
				pending());
		Instant start = (this.startedTime != null) ? this.startedTime : this.definition.startTime();
		return new JobView(this.definition, this.status, this.createdTime, start, this.endTime, this.failureReason,
				statistics);
	}

	/** The device records as queries see them, in device id order. */
	List<ObjectNode> recordDocuments(DeviceRecordStyle style) {
		String[] ids = this.deviceIds;
		DeviceJobRecord[] current = this.records;
		int size = Math.min(ids.length, current.length);
		// each document is made when it is read: a page of a million records' query reads
		// only its page
		return new AbstractList<>() {
			@Override
			public ObjectNode get(int index) {
				DeviceJobRecord record = current[Objects.checkIndex(index, size)];
				return (record != null) ? DeviceRecords.json(JobRun.this, record, style)
						: DeviceRecords.queued(JobRun.this, ids[index]);
			}

			@Override
			public int size() {
				return size;
			}
		};
	}

}
