package dev.fleetjobs.emulator.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub's time format: UTC, seven fraction digits, {@code Z}. */
class JsonTests {

	private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	@Test
	void givenAnyInstantWhenFormattedThenItMatchesTheReferenceFormatter() {
		Random random = new Random(11);
		for (int i = 0; i < 10_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L),
					random.nextInt(1_000_000_000));

			assertThat(Json.time(instant)).isEqualTo(REFERENCE.format(instant));
		}
	}

	@Test
	void givenNoInstantWhenFormattedThenItIsTheHubsNever() {
		assertThat(Json.time(null)).isEqualTo("0001-01-01T00:00:00Z");
		assertThat(Json.time(Instant.parse("2024-01-02T03:04:05.1234567Z"))).isEqualTo("2024-01-02T03:04:05.1234567Z");
	}

}
