package dev.fleetjobs.emulator.http;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.json.Json;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Cached query results are reused only at the same source version, within bounds. */
class QueryCacheTests {

	private final QueryCache cache = new QueryCache();

	@Test
	void givenACachedResultWhenTheSourceVersionChangesThenItIsNotReused() {
		List<JsonNode> results = List.of(Json.object().put("deviceId", "d1"));
		this.cache.put("SELECT * FROM devices.jobs", 7, results);

		assertThat(this.cache.get("SELECT * FROM devices.jobs", 7)).isSameAs(results);
		assertThat(this.cache.get("SELECT * FROM devices.jobs", 8)).isNull();
		assertThat(this.cache.get("SELECT * FROM devices", 7)).isNull();
	}

	@Test
	void givenMoreThanFiftyThousandCachedDocumentsWhenAnotherResultIsCachedThenTheEldestGoFirst() {
		List<JsonNode> big = Collections.nCopies(30_000, Json.object());
		this.cache.put("q1", 1, big);
		this.cache.put("q2", 1, big);

		assertThat(this.cache.get("q1", 1)).isNull();
		assertThat(this.cache.get("q2", 1)).isSameAs(big);
		this.cache.put("q3", 1, Collections.nCopies(60_000, Json.object()));
		assertThat(this.cache.get("q3", 1)).isNull();
	}

}
