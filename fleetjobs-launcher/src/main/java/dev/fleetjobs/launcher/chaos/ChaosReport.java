package dev.fleetjobs.launcher.chaos;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The outcome of a chaos run: what was injected, how fast the system recovered, and every
 * invariant with its counts and violations.
 *
 * @param seed the seed (replay with {@code --seed})
 * @param accepted accepted job requests
 * @param refused refused (invalid) requests
 * @param queued accepted jobs the executor had to queue (JobQueued)
 * @param faults faults injected per kind
 * @param recoveries recovery time per kind, one line each
 * @param hubCalls hub calls per operation over the run
 * @param invariants every invariant checked
 * @param seconds the run's wall time
 */
public record ChaosReport(long seed, int accepted, int refused, int queued, Map<FaultKind, Integer> faults,
		List<String> recoveries, Map<String, Long> hubCalls, List<Invariant> invariants, double seconds) {

	public int violations() {
		return this.invariants.stream().mapToInt((invariant) -> invariant.violations().size()).sum();
	}

	public boolean passed() {
		return violations() == 0;
	}

	public int faultCount() {
		return this.faults.values().stream().mapToInt(Integer::intValue).sum();
	}

	public String summary() {
		return String.format("CHAOS %s seed=%d jobs=%d faults=%d violations=%d", passed() ? "PASSED" : "FAILED",
				this.seed, this.accepted, faultCount(), violations());
	}

	public void print(Consumer<String> out) {
		out.accept("");
		out.accept(String.format(
				"Chaos run: seed %d, %d accepted jobs (%d queued by the executor), %d refused " + "requests, %.0f s",
				this.seed, this.accepted, this.queued, this.refused, this.seconds));
		out.accept("Faults injected: " + this.faults);
		this.recoveries.forEach((line) -> out.accept("  " + line));
		out.accept("Hub calls: " + this.hubCalls);
		out.accept("Invariants:");
		for (Invariant invariant : this.invariants) {
			out.accept("  " + invariant);
			invariant.violations().forEach((violation) -> out.accept("      VIOLATION " + violation));
		}
		out.accept(summary());
	}

}
