package dev.fleetjobs.executor.rollout;

import java.time.Instant;
import java.util.List;

import dev.fleetjobs.contracts.rollout.DevicesJoined;
import dev.fleetjobs.contracts.rollout.RetryScheduled;
import dev.fleetjobs.contracts.rollout.RolloutAborted;
import dev.fleetjobs.contracts.rollout.RolloutAccepted;
import dev.fleetjobs.contracts.rollout.RolloutEnded;
import dev.fleetjobs.contracts.rollout.RolloutPaused;
import dev.fleetjobs.contracts.rollout.RolloutResumed;
import dev.fleetjobs.contracts.rollout.TargetSelection;
import dev.fleetjobs.contracts.rollout.WaveCompleted;
import dev.fleetjobs.contracts.rollout.WaveStarted;
import dev.fleetjobs.executor.rollout.RolloutRecord.RetryBatch;
import dev.fleetjobs.executor.rollout.RolloutRun.Completion;
import dev.fleetjobs.executor.rollout.RolloutRun.Trip;
import dev.fleetjobs.executor.rollout.RolloutRun.Wave;
import dev.fleetjobs.executor.scheduling.HubJob;

/** The rollout lifecycle events, from a rollout's state at the moment of a decision. */
final class RolloutEvents {

	private RolloutEvents() {
	}

	static RolloutAccepted accepted(RolloutRun run, Instant now) {
		return new RolloutAccepted(run.jobId(), run.command.requestId(), run.command.jobType(),
				run.command.queryCondition(), run.settings, run.command.startTime(), run.command.labels(), now);
	}

	static DevicesJoined joined(RolloutRun run, TargetSelection selection, List<String> joined, Instant now) {
		return new DevicesJoined(run.jobId(), selection, joined.size(),
				List.copyOf(joined.subList(0, Math.min(DevicesJoined.MAX_SAMPLE, joined.size()))), run.totals(), now);
	}

	static WaveStarted waveStarted(RolloutRun run, Wave wave, double rate, HubJob hubJob, Instant now) {
		return new WaveStarted(run.jobId(), wave.number, wave.attempt, wave.hubJobId, run.command.jobType(),
				wave.deviceCount, rate, (hubJob.status() != null) ? hubJob.status() : "unknown", hubJob.createdTime(),
				run.totals(), now);
	}

	static WaveCompleted waveCompleted(RolloutRun run, Completion completion, Instant now) {
		Wave wave = completion.wave();
		return new WaveCompleted(run.jobId(), wave.number, wave.attempt, wave.hubJobId, wave.deviceCount,
				completion.succeeded(), completion.failed(), completion.timedOut(), completion.cancelled(),
				run.totals(), now);
	}

	static RetryScheduled retryScheduled(RolloutRun run, RetryBatch batch, Instant now) {
		return new RetryScheduled(run.jobId(), batch.attempt(), batch.failureType(), batch.deviceIds().size(),
				batch.fromWave(), batch.notBefore(), run.totals(), now);
	}

	static RolloutAborted aborted(RolloutRun run, Trip trip, Instant now) {
		return new RolloutAborted(run.jobId(), trip.criterion(), trip.executed(), trip.failed(),
				Math.round(trip.percentage() * 10) / 10.0, List.copyOf(run.active.keySet()), run.totals(), now);
	}

	static RolloutPaused paused(RolloutRun run, Instant resumesAt, Instant now) {
		return new RolloutPaused(run.jobId(), "outside its maintenance windows", resumesAt, now);
	}

	static RolloutResumed resumed(RolloutRun run, Instant windowEndsAt, Instant now) {
		return new RolloutResumed(run.jobId(), (windowEndsAt != null) ? windowEndsAt : now, now);
	}

	static RolloutEnded ended(RolloutRun run, Instant now) {
		return new RolloutEnded(run.jobId(), run.outcome, run.endReason, run.waveCount, run.totals(), now);
	}

	/**
	 * The reason of an abort, e.g. {@code FAILED reached 30.3% of 66 executed devices}.
	 */
	static String abortReason(Trip trip) {
		return RolloutAborted.reason(trip.criterion(), trip.executed(), trip.failed(), trip.percentage());
	}

}
