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
