package dev.fleetjobs.contracts.rollout;

import java.time.Instant;

import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.JobStatus;

/**
 * One wave of a rollout (one IoT Hub job) in the rollout's progress events.
 *
 * @param wave the wave number, from 1
 * @param attempt the attempt its devices are on (1, or 1 + the retry)
 * @param hubJobId the hub job that runs it
 * @param status its status on the hub
 * @param statistics the hub's statistics of the wave
 * @param resultsComplete whether its device results are on
 * {@code fleetjobs.device-results}
 * @param deviceResultCount how many device results it published
 * @param startTime the hub's start time, or {@code null}
 * @param endTime the hub's end time, or {@code null} while it runs
 * @param completed whether the executor completed the wave ({@code WaveCompleted}): its
 * outcomes are in the rollout's totals and it is no longer polled
 */
public record WaveProgress(int wave, int attempt, String hubJobId, JobStatus status, DeviceJobStatistics statistics,
		boolean resultsComplete, int deviceResultCount, Instant startTime, Instant endTime, boolean completed) {

	/** A wave the executor has not completed yet. */
	public WaveProgress(int wave, int attempt, String hubJobId, JobStatus status, DeviceJobStatistics statistics,
			boolean resultsComplete, int deviceResultCount, Instant startTime, Instant endTime) {
		this(wave, attempt, hubJobId, status, statistics, resultsComplete, deviceResultCount, startTime, endTime,
				false);
	}

}
