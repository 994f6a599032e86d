package dev.fleetjobs.launcher.chaos;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import dev.fleetjobs.launcher.stack.StackShape;

/**
 * What one chaos run does.
 *
 * @param seed the seed of every random choice; the same seed replays the same plan
 * @param jobs valid job requests to submit (plus about one invalid request per 20)
 * @param duration how long faults are injected and jobs submitted; the run then waits for
 * the jobs to finish
 * @param faults the fault kinds to inject, each at least once
 * @param maxExecutionSeconds the jobs' {@code maxExecutionTimeInSeconds}
 */
public record ChaosOptions(long seed, int jobs, Duration duration, Set<FaultKind> faults, int maxExecutionSeconds) {

	/** How long past its max execution time a job may stay non-terminal. */
	public static final Duration TERMINAL_MARGIN = Duration.ofSeconds(120);

	public ChaosOptions {
		if (jobs < 1) {
			throw new IllegalArgumentException("jobs must be at least 1");
		}
		faults = Set.copyOf(faults.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(faults));
	}

	public static Set<FaultKind> allFaults() {
		return allFaults(StackShape.SINGLE);
	}

	/**
	 * Every fault kind that applies to the run's shape: a broker restart with one broker,
	 * a broker kill in a quorum.
	 */
	public static Set<FaultKind> allFaults(StackShape shape) {
		Set<FaultKind> kinds = EnumSet.allOf(FaultKind.class);
		kinds.remove((shape.brokers() == 1) ? FaultKind.KILL_BROKER : FaultKind.KAFKA_RESTART);
		return kinds;
	}

}
