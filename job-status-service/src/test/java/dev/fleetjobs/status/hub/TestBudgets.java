package dev.fleetjobs.status.hub;

import java.time.Clock;
import java.time.Duration;

/** Real budgets for tests of other packages. */
public final class TestBudgets {

	private TestBudgets() {
	}

	public static HubBudget unlimited() {
		return new HubBudget(new HubBudgetProperties(0, 0, Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0),
				Clock.systemUTC());
	}

}
