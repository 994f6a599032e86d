package dev.fleetjobs.emulator.store;

import java.nio.file.Path;

/**
 * The emulator's durable state: named, ordered string maps. Two implementations with the
 * same behaviour: a data-directory file and an in-memory one for tests (both H2 MVStore).
 * Features keep their own maps ("devices", "twins", "policies", later "jobs").
 */
public interface Store extends AutoCloseable {

	/** A store that lives only as long as the process. */
	static Store inMemory() {
		return MvStoreStore.inMemory();
	}

	/** A store kept in the given file, created when missing. */
	static Store open(Path file) {
		return MvStoreStore.open(file);
	}

	/** The map with this name, created empty when new. */
	StoreMap map(String name);

	/** Whether the state survives a restart. */
	boolean durable();

	/** Writes everything changed so far. */
	void commit();

	@Override
	void close();

}
