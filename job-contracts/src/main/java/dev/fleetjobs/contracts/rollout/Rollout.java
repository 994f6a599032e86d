package dev.fleetjobs.contracts.rollout;

import java.time.Instant;
import java.util.List;

/**
 * How a job reaches its devices over time, beyond what one IoT Hub job can do: in waves
 * at a rate (constant or growing), with abort criteria, automatic retries, devices that
 * join later, an end time and maintenance windows. The executor runs it as a sequence of
 * hub jobs ("waves"), each over {@code deviceId IN [...]}. Every field is optional; a
 * rollout with none of them runs every device in waves of at most the executor's wave
 * size, with no rate limit.
 *
 * @param maxDevicesPerMinute a constant rate (1..100,000 devices notified per minute);
 * with {@code exponential} it caps the growing rate
 * @param exponential a rate that starts low and grows by a factor after a number of
 * devices were notified or succeeded
 * @param waveIntervalInSeconds how often a wave may start (1..3600); absent means 10. The
 * rate is spread over the waves: each wave takes the devices the rate allows since the
 * previous one
 * @param abort criteria that cancel the rollout when too many devices fail
 * @param retry automatic retries per failure type
 * @param targetSelection SNAPSHOT (absent): the devices that match when the rollout
 * starts; CONTINUOUS: devices that start to match later are reached too, until the job is
 * cancelled or its end time
 * @param endTime when the rollout stops starting waves (and, with {@code CANCEL}, cancels
 * what still runs)
 * @param endBehavior what happens at the end time; absent means STOP_ROLLOUT
 * @param maintenanceWindows when waves may start; absent or empty means at any time
 */
public record Rollout(Integer maxDevicesPerMinute, ExponentialRate exponential, Integer waveIntervalInSeconds,
		List<AbortCriterion> abort, List<RetryCriterion> retry, TargetSelection targetSelection, Instant endTime,
		EndBehavior endBehavior, List<MaintenanceWindow> maintenanceWindows) {

	/** Used when the rollout names no wave interval. */
	public static final int DEFAULT_WAVE_INTERVAL_IN_SECONDS = 10;

	/** The wave interval, or its default. */
	public int waveInterval() {
		return (this.waveIntervalInSeconds != null) ? this.waveIntervalInSeconds : DEFAULT_WAVE_INTERVAL_IN_SECONDS;
	}

	/** The target selection, or its default. */
	public TargetSelection selection() {
		return (this.targetSelection != null) ? this.targetSelection : TargetSelection.SNAPSHOT;
	}

	/** The end behaviour, or its default. */
	public EndBehavior atEnd() {
		return (this.endBehavior != null) ? this.endBehavior : EndBehavior.STOP_ROLLOUT;
	}

	/** The abort criteria, never {@code null}. */
	public List<AbortCriterion> abortCriteria() {
		return (this.abort != null) ? this.abort : List.of();
	}

	/** The retry criteria, never {@code null}. */
	public List<RetryCriterion> retryCriteria() {
		return (this.retry != null) ? this.retry : List.of();
	}

	/** The maintenance windows, never {@code null}. */
	public List<MaintenanceWindow> windows() {
		return (this.maintenanceWindows != null) ? this.maintenanceWindows : List.of();
	}

}
