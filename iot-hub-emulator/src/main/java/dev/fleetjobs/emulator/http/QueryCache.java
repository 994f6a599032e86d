package dev.fleetjobs.emulator.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Recent query results, so that the pages after the first come from one evaluation: a
 * client paging 10,000 device records 100 at a time costs one scan, not one hundred. An
 * entry is used only while its source's version is unchanged and for a minute at most.
 */
final class QueryCache {

	private static final int MAX_ENTRIES = 8;

	/** At most this many documents in all entries together, to bound the memory. */
	private static final int MAX_DOCUMENTS = 50_000;

	private static final long MAX_AGE_NANOS = 60_000_000_000L;

	private final Map<String, Entry> entries = new LinkedHashMap<>(MAX_ENTRIES, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
			return size() > MAX_ENTRIES;
		}
	};

	/** The cached results of a query at this version of its source, or null. */
	synchronized List<JsonNode> get(String sql, long version) {
		Entry entry = this.entries.get(sql);
		if (entry == null || entry.version != version || System.nanoTime() - entry.createdNanos > MAX_AGE_NANOS) {
			return null;
		}
		return entry.results;
	}

	synchronized void put(String sql, long version, List<JsonNode> results) {
		if (results.size() > MAX_DOCUMENTS) {
			return;
		}
		this.entries.put(sql, new Entry(version, results, System.nanoTime()));
		int total = this.entries.values().stream().mapToInt((entry) -> entry.results.size()).sum();
		var eldest = this.entries.entrySet().iterator();
		while (total > MAX_DOCUMENTS && eldest.hasNext()) {
			total -= eldest.next().getValue().results.size();
			eldest.remove();
		}
	}

	private record Entry(long version, List<JsonNode> results, long createdNanos) {
	}

}
