package dev.fleetjobs.emulator.jobs;

import java.time.Duration;

/**
 * How the jobs engine runs.
 *
 * @param retention how long a finished job and its device records are kept (the hub keeps
 * them 30 days)
 * @param maxInFlight devices of one job whose method call or twin update may be in flight
 * at once
 * @param deviceRecords the shape of method-job device records
 */
public record JobsProperties(Duration retention, int maxInFlight, DeviceRecordStyle deviceRecords) {

	public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

	public static final int DEFAULT_MAX_IN_FLIGHT = 1000;

	public static final JobsProperties DEFAULTS = new JobsProperties(DEFAULT_RETENTION, DEFAULT_MAX_IN_FLIGHT,
			DeviceRecordStyle.JAVA_2_1_9);

	public JobsProperties {
		if (retention == null || retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("The job retention must be positive: " + retention);
		}
		if (maxInFlight < 1) {
			throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
		}
		if (deviceRecords == null) {
			throw new IllegalArgumentException("A device record style is required");
		}
	}

	public JobsProperties withRetention(Duration retention) {
		return new JobsProperties(retention, this.maxInFlight, this.deviceRecords);
	}

	public JobsProperties withMaxInFlight(int maxInFlight) {
		return new JobsProperties(this.retention, maxInFlight, this.deviceRecords);
	}

	public JobsProperties withDeviceRecords(DeviceRecordStyle deviceRecords) {
		return new JobsProperties(this.retention, this.maxInFlight, deviceRecords);
	}

}
