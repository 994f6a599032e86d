package dev.fleetjobs.emulator.faults;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many authenticated REST calls each operation got (e.g. {@code jobs.get}), for tests
 * that check how many hub calls a service makes per job.
 */
public final class CallCounters {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	public void increment(String operation) {
		this.counts.computeIfAbsent(operation, (name) -> new LongAdder()).increment();
	}

	/** Calls of one operation since the start or the last reset. */
	public long count(String operation) {
		LongAdder count = this.counts.get(operation);
		return (count != null) ? count.sum() : 0;
	}

	/** Every operation's count, by name. */
	public Map<String, Long> snapshot() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.counts.forEach((name, count) -> snapshot.put(name, count.sum()));
		return snapshot;
	}

	public void reset() {
		this.counts.clear();
	}

}
