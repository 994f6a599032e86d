package dev.fleetjobs.launcher.chaos;

import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * The emulator's call counters over the whole run. They restart at 0 with the emulator,
 * so the scenario takes a snapshot right before it kills it and adds the incarnations up
 * (calls in the few milliseconds between that snapshot and the kill are not counted).
 */
final class HubCallLedger {

	/**
	 * The operations FleetJobs' services make for jobs (the simulator's are registry
	 * calls).
	 */
	static final java.util.Set<String> JOB_OPERATIONS = java.util.Set.of("jobs.create", "jobs.get", "jobs.cancel",
			"jobs.query", "devices.query");

	private final HubControl hub;

	private final Map<String, Long> finished = new TreeMap<>();

	HubCallLedger(HubControl hub) {
		this.hub = hub;
	}

	/** Call right before the emulator dies. */
	synchronized void closeIncarnation() {
		try {
			add(this.finished, this.hub.calls());
		}
		catch (RuntimeException ex) {
			// The emulator is already gone: its last counts are lost.
		}
	}

	/** Every call so far, per operation. */
	synchronized Map<String, Long> total() {
		Map<String, Long> total = new TreeMap<>(this.finished);
		add(total, this.hub.calls());
		return total;
	}

	/**
	 * Job-related calls of the services: the job operations minus the scenario's own
	 * queries.
	 */
	long jobCalls(Map<String, Long> total) {
		long sum = JOB_OPERATIONS.stream().mapToLong((op) -> total.getOrDefault(op, 0L)).sum();
		return Math.max(0, sum - this.hub.ownQueries());
	}

	private static void add(Map<String, Long> into, JsonNode calls) {
		calls.properties().forEach((entry) -> into.merge(entry.getKey(), entry.getValue().asLong(), Long::sum));
	}

}
