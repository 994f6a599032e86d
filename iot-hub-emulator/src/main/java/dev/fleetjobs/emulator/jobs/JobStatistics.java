package dev.fleetjobs.emulator.jobs;

/**
 * A job's {@code deviceJobStatistics}. Every selected device is in exactly one count:
 * {@code deviceCount = failedCount + succeededCount + runningCount + pendingCount}. A
 * device that a cancel or the deadline stopped counts as failed (the hub has no other
 * count for it).
 */
public record JobStatistics(int deviceCount, int failedCount, int succeededCount, int runningCount, int pendingCount) {
}
