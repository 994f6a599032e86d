package dev.fleetjobs.emulator.store;

import java.util.Map;

/** A named map of a {@link Store}, ordered by key. Safe for concurrent use. */
public interface StoreMap {

	String get(String key);

	void put(String key, String value);

	/** Stores the value unless the key is taken; returns the value already there. */
	String putIfAbsent(String key, String value);

	String remove(String key);

	int size();

	/** All entries in key order. */
	Iterable<Map.Entry<String, String>> entries();

	/** The entries whose keys start with the prefix, in key order. */
	Iterable<Map.Entry<String, String>> entriesWithPrefix(String prefix);

}
