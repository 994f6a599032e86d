package dev.fleetjobs.launcher.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The order and moments of the faults of a run. */
final class FaultPlan {

	/** One step: a fault, or the S1 burst when {@code kind} is null. */
	record Step(FaultKind kind, long atNanos, int holdSeconds) {
	}

	private static final Duration SLOT = Duration.ofSeconds(30);

	private FaultPlan() {
	}

	/**
	 * Every enabled kind once per round (shuffled), plus the S1 burst once, spread over
	 * the duration; more rounds while the duration has room for a step every 30 s.
	 */
	static List<Step> steps(ChaosOptions options, Random random) {
		List<FaultKind> kinds = new ArrayList<>(options.faults());
		Collections.sort(kinds);
		int count = Math.max(kinds.size() + 1, (int) (options.duration().toNanos() / SLOT.toNanos()));
		List<FaultKind> order = new ArrayList<>();
		order.add(null);
		while (order.size() < count && !kinds.isEmpty()) {
			List<FaultKind> round = new ArrayList<>(kinds);
			Collections.shuffle(round, random);
			order.addAll(round);
		}
		List<FaultKind> chosen = new ArrayList<>(order.subList(0, Math.max(1, Math.min(count, order.size()))));
		Collections.shuffle(chosen, random);
		long slot = options.duration().toNanos() / chosen.size();
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < chosen.size(); i++) {
			long at = (long) ((i + 0.2 + 0.4 * random.nextDouble()) * slot);
			steps.add(new Step(chosen.get(i), at, 15 + random.nextInt(6)));
		}
		return steps;
	}

}
