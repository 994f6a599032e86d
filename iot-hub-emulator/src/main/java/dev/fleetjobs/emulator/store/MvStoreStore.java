package dev.fleetjobs.emulator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** {@link Store} on H2's MVStore, in a file or in memory. */
final class MvStoreStore implements Store {

	private final MVStore store;

	private final boolean durable;

	private final GroupCommit groupCommit;

	private MvStoreStore(MVStore store, boolean durable) {
		this.store = store;
		this.durable = durable;
		this.groupCommit = durable ? new GroupCommit(store::commit) : null;
	}

	static MvStoreStore inMemory() {
		return new MvStoreStore(new MVStore.Builder().open(), false);
	}

	static MvStoreStore open(Path file) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		MVStore store = new MVStore.Builder().fileName(file.toString()).compress().open();
		return new MvStoreStore(store, true);
	}

	@Override
	public StoreMap map(String name) {
		return new MvStoreMap(this.store.openMap(name));
	}

	@Override
	public boolean durable() {
		return this.durable;
	}

	@Override
	public void commit() {
		this.store.commit();
	}

	@Override
	public CompletableFuture<Void> flush() {
		return (this.groupCommit != null) ? this.groupCommit.request() : CompletableFuture.completedFuture(null);
	}

	@Override
	public void close() {
		stop(true);
	}

	@Override
	public void halt() {
		stop(false);
	}

	private void stop(boolean commit) {
		if (this.groupCommit != null && commit) {
			this.groupCommit.close();
		}
		else if (this.groupCommit != null) {
			this.groupCommit.abort();
		}
		if (this.store.isClosed()) {
			return;
		}
		if (commit) {
			this.store.close();
		}
		else {
			this.store.closeImmediately();
		}
	}

	private record MvStoreMap(MVMap<String, String> map) implements StoreMap {

		@Override
		public String get(String key) {
			return this.map.get(key);
		}

		@Override
		public void put(String key, String value) {
			this.map.put(key, value);
		}

		@Override
		public String putIfAbsent(String key, String value) {
			return this.map.putIfAbsent(key, value);
		}

		@Override
		public String remove(String key) {
			return this.map.remove(key);
		}

		@Override
		public int size() {
			return this.map.size();
		}

		@Override
		public Iterable<Map.Entry<String, String>> entries() {
			return this.map.entrySet();
		}

		@Override
		public Iterable<Map.Entry<String, String>> entriesWithPrefix(String prefix) {
			return () -> new PrefixIterator(this.map.cursor(prefix), prefix);
		}

	}

	private static final class PrefixIterator implements Iterator<Map.Entry<String, String>> {

		private final Cursor<String, String> cursor;

		private final String prefix;

		private Map.Entry<String, String> next;

		PrefixIterator(Cursor<String, String> cursor, String prefix) {
			this.cursor = cursor;
			this.prefix = prefix;
			advance();
		}

		private void advance() {
			this.next = null;
			if (this.cursor.hasNext()) {
				String key = this.cursor.next();
				if (key.startsWith(this.prefix)) {
					this.next = Map.entry(key, this.cursor.getValue());
				}
			}
		}

		@Override
		public boolean hasNext() {
			return this.next != null;
		}

		@Override
		public Map.Entry<String, String> next() {
			if (this.next == null) {
				throw new NoSuchElementException();
			}
			Map.Entry<String, String> current = this.next;
			advance();
			return current;
		}

	}

}
