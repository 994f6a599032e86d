package dev.fleetjobs.launcher.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Recovery times per fault kind, with p50 and max. */
final class Recoveries {

	private final Map<FaultKind, List<Duration>> times = new EnumMap<>(FaultKind.class);

	synchronized void add(FaultKind kind, Duration time) {
		this.times.computeIfAbsent(kind, (k) -> new ArrayList<>()).add(time);
	}

	synchronized int count(FaultKind kind) {
		return this.times.getOrDefault(kind, List.of()).size();
	}

	synchronized int total() {
		return this.times.values().stream().mapToInt(List::size).sum();
	}

	synchronized Map<FaultKind, Integer> counts() {
		Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
		this.times.forEach((kind, list) -> counts.put(kind, list.size()));
		return counts;
	}

	/** One line per kind: count, p50 and max in seconds. */
	synchronized List<String> lines() {
		List<String> lines = new ArrayList<>();
		this.times.forEach((kind, list) -> {
			List<Duration> sorted = list.stream().sorted().toList();
			lines.add(String.format(Locale.ROOT, "%-18s x%-3d recovery p50 %6.1f s  max %6.1f s", kind.label(),
					sorted.size(), seconds(sorted.get((sorted.size() - 1) / 2)),
					seconds(sorted.get(sorted.size() - 1))));
		});
		return lines;
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

}
