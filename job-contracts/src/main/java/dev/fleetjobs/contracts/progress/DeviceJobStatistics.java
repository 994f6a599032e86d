package dev.fleetjobs.contracts.progress;

/**
 * The hub's {@code deviceJobStatistics} of a job.
 *
 * @param deviceCount devices the job's query selected
 * @param failedCount devices that failed
 * @param succeededCount devices that succeeded
 * @param runningCount devices in progress
 * @param pendingCount devices not started
 */
public record DeviceJobStatistics(int deviceCount, int failedCount, int succeededCount, int runningCount,
		int pendingCount) {

	public static final DeviceJobStatistics EMPTY = new DeviceJobStatistics(0, 0, 0, 0, 0);

}
