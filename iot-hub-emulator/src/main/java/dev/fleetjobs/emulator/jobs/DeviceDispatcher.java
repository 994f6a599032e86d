package dev.fleetjobs.emulator.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.emulator.errors.IotHubErrorException;
import dev.fleetjobs.emulator.methods.MethodResult;
import dev.fleetjobs.emulator.methods.MethodService;
import dev.fleetjobs.emulator.throttling.Quotas;
import dev.fleetjobs.emulator.twins.TwinService;

/**
 * Dispatches a running job's devices: at most {@code maxInFlight} at a time, as fast as
 * the tier's job device operations allow, without blocking (methods answer through
 * futures). Before a batch goes out, the job's dispatch count is committed, so that a
 * restart after a crash knows exactly which devices were in flight; batches are a quarter
 * of the window at least, so a big job commits a few dozen times, not once per device.
 */
final class DeviceDispatcher {

	private static final Logger log = LoggerFactory.getLogger(DeviceDispatcher.class);

	private final JobStore store;

	private final TwinService twins;

	private final MethodService methods;

	private final Quotas quotas;

	private final ScheduledExecutorService executor;

	private final Clock clock;

	private final DeviceOutcomes outcomes;

	private final int maxInFlight;

	private final int chunk;

	DeviceDispatcher(JobStore store, TwinService twins, MethodService methods, Quotas quotas,
			ScheduledExecutorService executor, Clock clock, DeviceOutcomes outcomes, int maxInFlight) {
		this.store = store;
		this.twins = twins;
		this.methods = methods;
		this.quotas = quotas;
		this.executor = executor;
		this.clock = clock;
		this.outcomes = outcomes;
		this.maxInFlight = maxInFlight;
		this.chunk = Math.max(1, maxInFlight / 4);
	}

	/** Saves what running jobs finished since their last save (every 200 ms). */
	void saveRunning(Iterable<JobRun> jobs) {
		for (JobRun job : jobs) {
			if (job.status == JobStatus.RUNNING) {
				synchronized (job) {
					this.store.saveRecords(job);
				}
			}
		}
	}

	void requestPump(JobRun job) {
		if (job.pumpQueued.compareAndSet(false, true)) {
			this.executor.execute(() -> {
				job.pumpQueued.set(false);
				pump(job);
			});
		}
	}

	/** Dispatches as many waiting devices as the window and the tier allow. */
	void pump(JobRun job) {
		int wanted;
		synchronized (job) {
			if (job.status != JobStatus.RUNNING) {
				return;
			}
			wanted = Math.min(this.maxInFlight - job.running, job.pending());
			if (wanted < Math.min(this.chunk, job.pending()) && job.running > 0) {
				return;
			}
		}
		if (wanted <= 0) {
			return;
		}
		int granted = this.quotas.acquireDeviceOperations(wanted);
		if (granted < wanted) {
			this.executor.schedule(() -> requestPump(job), this.quotas.untilNextDeviceOperation().toNanos(),
					TimeUnit.NANOSECONDS);
		}
		List<Integer> batch = new ArrayList<>(granted);
		synchronized (job) {
			if (job.status != JobStatus.RUNNING) {
				return;
			}
			Instant now = this.clock.instant();
			while (batch.size() < granted && job.cursor < job.deviceIds.length) {
				int index = job.cursor++;
				if (job.records[index] == null) {
					job.record(index, DeviceJobRecord.running(job.deviceIds[index], now));
					batch.add(index);
				}
			}
			if (batch.isEmpty()) {
				return;
			}
			this.store.saveRecords(job);
			this.store.write(job);
		}
		if (!this.store.durable()) {
			batch.forEach((index) -> dispatch(job, index));
			return;
		}
		this.store.store().flush().thenRunAsync(() -> batch.forEach((index) -> dispatch(job, index)), this.executor);
	}

	private void dispatch(JobRun job, int index) {
		String deviceId = job.deviceIds[index];
		JobDefinition definition = job.definition();
		try {
			if (definition.type() == JobType.DEVICE_METHOD) {
				this.methods.invoke(deviceId, definition.method(), job.payload())
					.whenComplete((result, error) -> finished(job, index, result, error));
			}
			else {
				this.twins.patch(deviceId, definition.twinPatch(), definition.etag());
				finished(job, index, null, null);
			}
		}
		catch (RuntimeException ex) {
			finished(job, index, null, ex);
		}
	}

	private void finished(JobRun job, int index, MethodResult result, Throwable error) {
		Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
		if (cause != null && !(cause instanceof IotHubErrorException)) {
			log.warn("Job {} device {} failed unexpectedly", job.jobId(), job.deviceIds[index], cause);
		}
		boolean more = this.outcomes.record(job, index, result, (IotHubErrorException) cause,
				(cause != null && !(cause instanceof IotHubErrorException)) ? cause.toString() : null);
		if (more) {
			requestPump(job);
		}
	}

}
