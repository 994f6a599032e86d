package dev.fleetjobs.executor.queueing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.contracts.lifecycle.JobCancelled;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobRejected;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.contracts.rollout.RolloutAccepted;

/**
 * Folds one lifecycle partition, oldest first, into each job's state and the jobs that
 * still wait (queued, and neither submitted, rejected nor cancelled since), in the order
 * they were first queued.
 */
final class LifecycleFold {

	private static final Logger log = LoggerFactory.getLogger(LifecycleFold.class);

	private final Map<String, JobState> states = new LinkedHashMap<>();

	private final Map<String, JobQueued> waiting = new LinkedHashMap<>();

	private int events;

	void apply(Object event) {
		this.events++;
		if (event instanceof JobQueued queued) {
			if (queued.command() == null) {
				log.warn("JobQueued for {} carries no command; it cannot be rebuilt", queued.jobId());
				return;
			}
			JobState state = this.states.get(queued.jobId());
			if (state == null || state == JobState.WAITING) {
				this.states.put(queued.jobId(), JobState.WAITING);
				this.waiting.putIfAbsent(queued.jobId(), queued);
			}
		}
		else if (event instanceof JobSubmitted submitted) {
			settle(submitted.jobId(), JobState.ON_HUB);
		}
		else if (event instanceof JobRejected rejected) {
			settle(rejected.jobId(), JobState.REJECTED);
		}
		else if (event instanceof RolloutAccepted accepted) {
			settle(accepted.jobId(), JobState.ROLLOUT);
		}
		else if (event instanceof JobCancelled cancelled) {
			settle(cancelled.jobId(), cancelled.wasQueued() ? JobState.DROPPED : JobState.ON_HUB);
		}
	}

	private void settle(String jobId, JobState state) {
		this.states.put(jobId, state);
		this.waiting.remove(jobId);
	}

	Map<String, JobState> states() {
		return this.states;
	}

	/** The queued events of the jobs that still wait, first queued first. */
	Iterable<JobQueued> waiting() {
		return this.waiting.values();
	}

	int events() {
		return this.events;
	}

}
