package dev.fleetjobs.status.hub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget's rate limiters and backoff. */
class HubBudgetTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

	@Test
	void givenTwentyQueriesPerMinute_whenAskedAtOnce_thenOnePermitIsGrantedPerThreeSeconds() {
		HubBudget budget = new HubBudget(properties(0, 20), this.clock);

		assertThat(budget.tryAcquire(HubOperation.DEVICE_JOBS_QUERY)).isTrue();
		assertThat(budget.tryAcquire(HubOperation.DEVICE_JOBS_QUERY)).isFalse();
		assertThat(budget.tryAcquire(HubOperation.JOBS_GET)).isTrue();
	}

	@Test
	void givenHundredJobOperationsPerMinute_whenAskedAtOnce_thenTwoPermitsAreGranted() {
		HubBudget budget = new HubBudget(properties(100, 0), this.clock);

		assertThat(budget.tryAcquire(HubOperation.JOBS_GET)).isTrue();
		assertThat(budget.tryAcquire(HubOperation.JOBS_QUERY)).isTrue();
		assertThat(budget.tryAcquire(HubOperation.JOBS_GET)).isFalse();
	}

	@Test
	void givenThrottledQueries_whenAsked_thenQueriesWaitButJobOperationsGoOn() {
		HubBudget budget = new HubBudget(properties(0, 0), this.clock);

		budget.throttled(HubOperation.DEVICE_JOBS_QUERY);

		assertThat(budget.tryAcquire(HubOperation.DEVICE_JOBS_QUERY)).isFalse();
		assertThat(budget.tryAcquire(HubOperation.JOBS_GET)).isTrue();
		assertThat(budget.pausedUntil(HubOperation.Quota.QUERIES)).isAfter(this.clock.instant());
	}

	@Test
	void givenSpentBudget_whenAcquiringWithAWait_thenThePermitComesWithinTheRefreshPeriod() throws Exception {
		HubBudget budget = new HubBudget(properties(600, 0), Clock.systemUTC());
		for (int i = 0; i < 10; i++) {
			budget.tryAcquire(HubOperation.JOBS_GET);
		}
		long start = System.nanoTime();

		assertThat(budget.acquire(HubOperation.JOBS_GET, Duration.ofSeconds(5))).isTrue();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
	}

	private static HubBudgetProperties properties(int jobOperations, int queries) {
		return new HubBudgetProperties(jobOperations, queries, Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0);
	}

}
