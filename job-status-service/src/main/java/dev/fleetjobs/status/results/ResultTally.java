package dev.fleetjobs.status.results;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;

/**
 * What a stream of a job's device results held, counted as they pass: how many, by
 * status, whether all were final. Repeats of a device within the last two pages are
 * dropped (a hub page may repeat a record of the page before); the ids it remembers are
 * bounded by that window, not by the job's size.
 */
final class ResultTally {

	private final Map<DeviceJobStatus, Long> byStatus = new EnumMap<>(DeviceJobStatus.class);

	private final Map<String, Boolean> recent;

	private int count;

	private boolean allFinal = true;

	ResultTally(int pageSize) {
		int window = 2 * pageSize;
		this.recent = new LinkedHashMap<>(Math.min(window, 1 << 16)) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > window;
			}
		};
	}

	/** Counts a result; false (not counted) for a device seen in the window. */
	boolean add(DeviceResult result) {
		if (this.recent.put(result.deviceId(), Boolean.TRUE) != null) {
			return false;
		}
		this.count++;
		this.allFinal &= result.status().isTerminal();
		this.byStatus.merge(result.status(), 1L, Long::sum);
		return true;
	}

	int count() {
		return this.count;
	}

	Map<DeviceJobStatus, Long> byStatus() {
		return this.byStatus;
	}

	/** Every device of the job has a result, and every result is final. */
	boolean settled(DeviceJobStatistics statistics) {
		return this.count >= statistics.deviceCount() && this.allFinal;
	}

}
