package dev.fleetjobs.executor.rollout;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.rollout.FailureType;
import dev.fleetjobs.contracts.rollout.RolloutOutcome;
import dev.fleetjobs.contracts.rollout.RolloutPhase;

/**
 * A rollout as {@code fleetjobs.rollouts} keeps it under its jobId (the targets are kept
 * in chunks under {@code <jobId>/targets/<n>}, a cancel request under
 * {@code <jobId>/cancel}). Internal to the executor.
 *
 * @param command the command that asked for it
 * @param partition its partition (of the commands, the lifecycle and this topic)
 * @param phase where it is
 * @param outcome how it ends, once it stops
 * @param endReason why it stops, once it does
 * @param startedAt when its targets were selected, or {@code null} before
 * @param targetCount how many targets it has (in chunks)
 * @param nextTarget the index of the first target no wave has reached
 * @param rate the current rate, devices per minute (0: unlimited)
 * @param sinceIncrease devices counted towards the next exponential increase
 * @param allowance devices the rate allows now (may be fractional, or negative after a
 * wave adopted from the hub was larger than planned)
 * @param nextSlotAt when the next wave slot comes
 * @param lastQueryAt when a CONTINUOUS rollout last selected its targets
 * @param waveCount waves started so far (the number of the last)
 * @param active the waves that have not completed
 * @param retries devices waiting for their next attempt
 * @param counts where the devices whose latest attempt ended stand
 * @param cancel the cancel request, or {@code null}
 */
record RolloutRecord(ScheduleJob command, int partition, RolloutPhase phase, RolloutOutcome outcome, String endReason,
		Instant startedAt, int targetCount, int nextTarget, double rate, int sinceIncrease, double allowance,
		Instant nextSlotAt, Instant lastQueryAt, int waveCount, List<Wave> active, List<RetryBatch> retries,
		Counts counts, CancelJob cancel) {

	/**
	 * A wave that has not completed.
	 *
	 * @param number its number
	 * @param attempt the attempt its devices are on
	 * @param hubJobId its hub job
	 * @param deviceCount its devices
	 * @param cancelRequested whether it is to be cancelled on the hub
	 * @param cancelSent whether the hub took the cancel (or the job was gone)
	 * @param expected how many device results job-status-service published for it, once
	 * it said they are complete
	 * @param outcomes device id to outcome ({@code S} succeeded, {@code F} failed,
	 * {@code T} timed out, {@code C} cancelled) of the results read so far
	 * @param live the wave's latest statistics from its progress
	 */
	record Wave(int number, int attempt, String hubJobId, int deviceCount, boolean cancelRequested, boolean cancelSent,
			Integer expected, Map<String, String> outcomes, DeviceJobStatistics live) {
	}

	/**
	 * Devices that failed and wait for their next attempt.
	 *
	 * @param attempt the attempt they will be on
	 * @param failureType how their last attempt failed
	 * @param fromWave the wave they failed in
	 * @param notBefore the earliest time of the attempt
	 * @param deviceIds the devices
	 */
	record RetryBatch(int attempt, FailureType failureType, int fromWave, Instant notBefore, List<String> deviceIds) {
	}

	/**
	 * Devices whose latest attempt ended, with no attempt to come.
	 *
	 * @param succeeded succeeded
	 * @param failed failed (FAILED)
	 * @param timedOut timed out or offline (TIMED_OUT)
	 * @param cancelled cancelled
	 */
	record Counts(int succeeded, int failed, int timedOut, int cancelled) {

		static final Counts NONE = new Counts(0, 0, 0, 0);

	}

	/**
	 * The feedback a partition's rollouts have taken in: the next offsets of
	 * {@code fleetjobs.progress} and {@code fleetjobs.device-results} to read.
	 *
	 * @param progress the progress partition's next offset
	 * @param results the device-results partition's next offset
	 */
	record Cursor(long progress, long results) {
	}

}
