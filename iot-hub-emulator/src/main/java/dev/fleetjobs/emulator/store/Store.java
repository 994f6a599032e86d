package dev.fleetjobs.emulator.store;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

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

	/**
	 * Completes once everything written before this call is committed to the data
	 * directory, so that it survives a {@code kill -9}. Commits are grouped: many callers
	 * share one commit, made on the store's own thread. Completes at once for a store
	 * that is not durable.
	 */
	CompletableFuture<Void> flush();

	@Override
	void close();

	/**
	 * Closes without writing what is not committed yet, as a crash ({@code kill -9})
	 * would: for restart tests.
	 */
	void halt();

}
