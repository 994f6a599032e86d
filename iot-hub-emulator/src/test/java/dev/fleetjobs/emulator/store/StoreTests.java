package dev.fleetjobs.emulator.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same behaviour from both store implementations: in memory and in a data directory.
 */
class StoreTests {

	@TempDir
	static Path directory;

	static Stream<Arguments> stores() {
		return Stream.of(Arguments.of("in memory", (Supplier<Store>) Store::inMemory),
				Arguments.of("data directory", (Supplier<Store>) () -> Store.open(directory.resolve("s.mv.db"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void putGetAndRemoveValues(String name, Supplier<Store> factory) {
		try (Store store = factory.get()) {
			StoreMap map = store.map("devices-" + System.nanoTime());
			map.put("a", "1");

			assertThat(map.get("a")).isEqualTo("1");
			assertThat(map.putIfAbsent("a", "2")).isEqualTo("1");
			assertThat(map.putIfAbsent("b", "2")).isNull();
			assertThat(map.size()).isEqualTo(2);
			assertThat(map.remove("a")).isEqualTo("1");
			assertThat(map.get("a")).isNull();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void iteratesInKeyOrderAndByPrefix(String name, Supplier<Store> factory) {
		try (Store store = factory.get()) {
			StoreMap map = store.map("jobs-" + System.nanoTime());
			List.of("job2/d2", "job1/d1", "job2/d1", "job10/d1").forEach((key) -> map.put(key, key));

			List<String> all = new ArrayList<>();
			map.entries().forEach((entry) -> all.add(entry.getKey()));
			List<String> job2 = new ArrayList<>();
			map.entriesWithPrefix("job2/").forEach((Map.Entry<String, String> entry) -> job2.add(entry.getValue()));

			assertThat(all).containsExactly("job1/d1", "job10/d1", "job2/d1", "job2/d2");
			assertThat(job2).containsExactly("job2/d1", "job2/d2");
		}
	}

	@Test
	void dataDirectoryStoreKeepsItsMapsAcrossAReopen(@TempDir Path dataDir) {
		Path file = dataDir.resolve("emulator.mv.db");
		try (Store store = Store.open(file)) {
			store.map("twins").put("d1", "{\"version\":3}");
			assertThat(store.durable()).isTrue();
		}

		try (Store store = Store.open(file)) {
			assertThat(store.map("twins").get("d1")).isEqualTo("{\"version\":3}");
		}
	}

	@Test
	void givenAWriteWhenItsFlushCompletesThenItSurvivesACrashThatLosesEverythingUncommitted(@TempDir Path dataDir)
			throws Exception {
		// Given a data-directory store whose background commit never ran
		Path file = dataDir.resolve("emulator.mv.db");
		Store store = Store.open(file);
		store.map("jobs").put("kept", "1");

		// When the write is flushed and the store then halts as a crash would
		store.flush().get(5, java.util.concurrent.TimeUnit.SECONDS);
		store.map("jobs").put("lost-or-kept", "2");
		store.halt();

		// Then the flushed write is there after a reopen
		try (Store reopened = Store.open(file)) {
			assertThat(reopened.map("jobs").get("kept")).isEqualTo("1");
		}
	}

	@Test
	void givenManyConcurrentFlushesWhenTheyCompleteThenEachSawItsOwnWriteCommitted(@TempDir Path dataDir)
			throws Exception {
		try (Store store = Store.open(dataDir.resolve("emulator.mv.db"))) {
			StoreMap map = store.map("records");
			List<java.util.concurrent.CompletableFuture<Void>> flushes = new ArrayList<>();
			for (int i = 0; i < 500; i++) {
				map.put("r" + i, "v");
				flushes.add(store.flush());
			}

			java.util.concurrent.CompletableFuture.allOf(flushes.toArray(java.util.concurrent.CompletableFuture[]::new))
				.get(10, java.util.concurrent.TimeUnit.SECONDS);

			assertThat(flushes).allMatch((flush) -> flush.isDone() && !flush.isCompletedExceptionally());
		}
	}

	@Test
	void inMemoryStoreFlushesAtOnce() {
		try (Store store = Store.inMemory()) {
			assertThat(store.flush()).isDone();
		}
	}

	@Test
	void inMemoryStoreStartsEmptyEveryTime() {
		try (Store store = Store.inMemory()) {
			store.map("twins").put("d1", "x");
			assertThat(store.durable()).isFalse();
		}
		try (Store store = Store.inMemory()) {
			assertThat(store.map("twins").size()).isZero();
		}
	}

}
