package dev.fleetjobs.emulator.jobs;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings stored jobs back after a restart, deterministically: finished jobs as they were;
 * queued and scheduled jobs are scheduled again (a start time that passed meanwhile
 * starts them at once); a running job resumes, where each device that was in flight
 * (dispatched, no final record) fails with {@code EmulatorRestarted} and each device that
 * was still waiting runs. A running job that had not stored its device list yet starts
 * over.
 */
final class JobRecovery {

	private static final Logger log = LoggerFactory.getLogger(JobRecovery.class);

	private JobRecovery() {
	}

	static void recover(JobStore store, DeviceOutcomes outcomes, JobRunner runner, Map<String, JobRun> jobs) {
		List<JobStore.Stored> stored = store.readAll();
		int resumed = 0;
		for (JobStore.Stored entry : stored) {
			JobRun job = entry.job();
			jobs.put(job.jobId(), job);
			if (job.status == JobStatus.RUNNING && entry.deviceIds() == null) {
				job.status = JobStatus.QUEUED;
			}
			if (entry.deviceIds() != null) {
				restoreDevices(store, outcomes, entry);
			}
			switch (job.status) {
				case QUEUED, SCHEDULED -> runner.schedule(job);
				case RUNNING -> {
					resumed++;
					if (job.running == 0 && job.pending() == 0) {
						outcomes.finish(job, JobStatus.COMPLETED);
					}
					else {
						runner.resume(job);
					}
				}
				default -> {
					// finished: kept as it is until retention purges it
				}
			}
		}
		if (!stored.isEmpty()) {
			log.info("Restored {} jobs ({} running resumed)", stored.size(), resumed);
		}
	}

	private static void restoreDevices(JobStore store, DeviceOutcomes outcomes, JobStore.Stored entry) {
		JobRun job = entry.job();
		String[] ids = entry.deviceIds();
		boolean running = job.status == JobStatus.RUNNING;
		synchronized (job) {
			job.devices(ids);
			for (int i = 0; i < ids.length; i++) {
				DeviceJobRecord record = entry.finished().get(ids[i]);
				if (record == null && (!running || i < entry.dispatched())) {
					record = outcomes.restarted(ids[i]);
				}
				if (record != null) {
					job.record(i, record);
				}
			}
			job.unsaved.removeIf((record) -> entry.finished().containsKey(record.deviceId));
			store.saveRecords(job);
			job.cursor = running ? Math.min(entry.dispatched(), ids.length) : ids.length;
		}
	}

}
