package dev.fleetjobs.emulator.jobs;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.emulator.errors.IotHubErrorException;
import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.methods.MethodResult;

/**
 * How devices and jobs end: a device's answer or error, the deadline
 * ({@code maxExecutionTimeInSeconds}: the job ends {@code completed}, unfinished devices
 * {@code failed}), a cancel (unfinished devices {@code cancelled}), and the job's final
 * status. Callers need no lock; each method takes the job's.
 */
final class DeviceOutcomes {

	/** The error code of a device that was in flight when the emulator stopped. */
	static final String RESTARTED = "EmulatorRestarted";

	static final String EXPIRED = "MaxExecutionTimeExceeded";

	private static final Logger log = LoggerFactory.getLogger(DeviceOutcomes.class);

	private final JobStore store;

	private final Clock clock;

	DeviceOutcomes(JobStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Records how a dispatched device ended; returns whether more devices wait. A late
	 * answer (after a cancel or the deadline) is dropped.
	 */
	boolean record(JobRun job, int index, MethodResult result, IotHubErrorException error, String unexpected) {
		synchronized (job) {
			DeviceJobRecord current = job.records[index];
			if (current == null || current.status != DeviceStatus.RUNNING) {
				return false;
			}
			Instant now = this.clock.instant();
			DeviceJobRecord next;
			if (error != null) {
				next = current.ended(DeviceStatus.FAILED, String.valueOf(error.errorCode()), error.getMessage(), now);
			}
			else if (unexpected != null) {
				next = current.ended(DeviceStatus.FAILED, "500001", "The emulator failed: " + unexpected, now);
			}
			else if (result != null) {
				next = current.answered(result.status(), result.payload(), job.definition().method().methodName(), now);
			}
			else {
				next = current.completed(now);
			}
			job.record(index, next);
			if (job.running == 0 && job.pending() == 0) {
				finish(job, JobStatus.COMPLETED);
				return false;
			}
			return job.pending() > 0;
		}
	}

	/** The deadline: unfinished devices fail, the job completes. */
	void expire(JobRun job) {
		synchronized (job) {
			if (job.status != JobStatus.RUNNING) {
				return;
			}
			long max = job.definition().maxExecutionTimeInSeconds();
			endUnfinished(job, DeviceStatus.FAILED, EXPIRED,
					"The job reached its maxExecutionTimeInSeconds (" + max + " s) before this device finished.");
			finish(job, JobStatus.COMPLETED);
		}
	}

	/** Cancels a job that has not finished; unfinished devices end cancelled. */
	void cancel(JobRun job) {
		synchronized (job) {
			if (job.status.isTerminal()) {
				String status = job.status.wireName();
				throw IotHubErrors.notAllowedInCurrentState("Job " + job.jobId() + " cannot be cancelled in '"
						+ Character.toUpperCase(status.charAt(0)) + status.substring(1) + "' status.");
			}
			if (job.startTimer != null) {
				job.startTimer.cancel(false);
			}
			endUnfinished(job, DeviceStatus.CANCELLED, null, null);
			finish(job, JobStatus.CANCELLED);
		}
	}

	/** Ends a job; its deadline timer stops. */
	void finish(JobRun job, JobStatus status) {
		synchronized (job) {
			job.status = status;
			job.endTime = this.clock.instant();
			if (job.deadlineTimer != null) {
				job.deadlineTimer.cancel(false);
			}
			this.store.saveRecords(job);
			this.store.write(job);
		}
		log.debug("Job {} {}", job.jobId(), status.wireName());
	}

	/** After a restart: a device that was in flight fails, as documented. */
	DeviceJobRecord restarted(String deviceId) {
		return new DeviceJobRecord(deviceId, DeviceStatus.FAILED, null, this.clock.instant(), null, null, RESTARTED,
				"The emulator stopped while this device's call was in flight; it was not retried.");
	}

	private void endUnfinished(JobRun job, DeviceStatus status, String code, String description) {
		Instant now = this.clock.instant();
		for (int i = 0; i < job.deviceIds.length; i++) {
			DeviceJobRecord current = job.records[i];
			if (current == null || current.status == DeviceStatus.RUNNING) {
				DeviceJobRecord base = (current != null) ? current : new DeviceJobRecord(job.deviceIds[i],
						DeviceStatus.QUEUED, null, null, null, null, null, null);
				DeviceJobRecord ended = base.ended(status, code, description, now);
				job.record(i, ended);
			}
		}
		job.cursor = job.deviceIds.length;
	}

}
