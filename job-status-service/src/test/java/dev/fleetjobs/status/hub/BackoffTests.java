package dev.fleetjobs.status.hub;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The backoff after 429s. */
class BackoffTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void givenRepeatedThrottling_whenEachFails_thenThePauseDoublesUpToTheCap() {
		Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 2.0, () -> 0.5);

		assertThat(backoff.failed(NOW)).isEqualTo(Duration.ofSeconds(1));
		assertThat(backoff.failed(NOW)).isEqualTo(Duration.ofSeconds(2));
		assertThat(backoff.failed(NOW)).isEqualTo(Duration.ofSeconds(4));
		assertThat(backoff.failed(NOW)).isEqualTo(Duration.ofSeconds(5));
		assertThat(backoff.until()).isEqualTo(NOW.plusSeconds(5));
	}

	@Test
	void givenJitter_whenFailed_thenThePauseStaysWithinTwentyPercent() {
		assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1), 2.0, () -> 0.0).failed(NOW))
			.isEqualTo(Duration.ofSeconds(8));
		assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1), 2.0, () -> 1.0).failed(NOW))
			.isEqualTo(Duration.ofSeconds(12));
	}

	@Test
	void givenASuccess_whenThrottledAgain_thenThePauseStartsOver() {
		Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, () -> 0.5);
		backoff.failed(NOW);
		backoff.failed(NOW);

		backoff.succeeded();

		assertThat(backoff.failed(NOW)).isEqualTo(Duration.ofSeconds(1));
	}

}
