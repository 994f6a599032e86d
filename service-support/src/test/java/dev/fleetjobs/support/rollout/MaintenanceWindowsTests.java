package dev.fleetjobs.support.rollout;

import java.time.Instant;
import java.util.List;

import dev.fleetjobs.contracts.rollout.MaintenanceWindow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MaintenanceWindowsTests {

	private static final Instant MONDAY_NOON = Instant.parse("2026-12-07T12:00:00Z");

	@Test
	void givenNoWindowsThenItIsAlwaysOpen() {
		MaintenanceWindows windows = MaintenanceWindows.of(List.of());

		assertThat(windows.isAlwaysOpen()).isTrue();
		assertThat(windows.isOpen(MONDAY_NOON)).isTrue();
		assertThat(windows.nextOpening(MONDAY_NOON, null)).contains(MONDAY_NOON);
	}

	@Test
	void givenANightlyFiveFieldCronThenItIsOpenFrom22ForTwoHours() {
		MaintenanceWindows windows = MaintenanceWindows
			.of(List.of(new MaintenanceWindow("0 22 * * *", null, 7200L, null)));

		assertThat(windows.isOpen(MONDAY_NOON)).isFalse();
		assertThat(windows.nextOpening(MONDAY_NOON, null)).contains(Instant.parse("2026-12-07T22:00:00Z"));
		assertThat(windows.isOpen(Instant.parse("2026-12-07T23:59:59Z"))).isTrue();
		assertThat(windows.closesAt(Instant.parse("2026-12-07T23:00:00Z")))
			.isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
		assertThat(windows.isOpen(Instant.parse("2026-12-08T00:00:00Z"))).isFalse();
		assertThat(windows.closesAt(MONDAY_NOON)).isNull();
	}

	@Test
	void givenASixFieldCronWithSecondsThenShortWindowsRecur() {
		MaintenanceWindows windows = MaintenanceWindows
			.of(List.of(new MaintenanceWindow("*/20 * * * * *", null, 5L, null)));

		assertThat(windows.isOpen(Instant.parse("2026-12-07T12:00:04Z"))).isTrue();
		assertThat(windows.isOpen(Instant.parse("2026-12-07T12:00:05Z"))).isFalse();
		assertThat(windows.nextOpening(Instant.parse("2026-12-07T12:00:05Z"), null))
			.contains(Instant.parse("2026-12-07T12:00:20Z"));
		assertThat(windows.closesAt(Instant.parse("2026-12-07T12:00:21Z")))
			.isEqualTo(Instant.parse("2026-12-07T12:00:25Z"));
	}

	@Test
	void givenATimeZoneThenTheCronFollowsItsLocalTimeAcrossDaylightSaving() {
		MaintenanceWindows windows = MaintenanceWindows
			.of(List.of(new MaintenanceWindow("0 2 * * *", null, 3600L, "Europe/Berlin")));

		// Winter: 02:00 in Berlin is 01:00 UTC; summer: 00:00 UTC.
		assertThat(windows.nextOpening(Instant.parse("2026-12-07T12:00:00Z"), null))
			.contains(Instant.parse("2026-12-08T01:00:00Z"));
		assertThat(windows.nextOpening(Instant.parse("2026-07-07T12:00:00Z"), null))
			.contains(Instant.parse("2026-07-08T00:00:00Z"));
	}

	@Test
	void givenAOneOffWindowThenItOpensOnceAndNeverAgain() {
		Instant start = Instant.parse("2026-12-07T13:00:00Z");
		MaintenanceWindows windows = MaintenanceWindows.of(List.of(new MaintenanceWindow(null, start, 600L, null)));

		assertThat(windows.nextOpening(MONDAY_NOON, null)).contains(start);
		assertThat(windows.isOpen(start.plusSeconds(599))).isTrue();
		assertThat(windows.nextOpening(start.plusSeconds(600), null)).isEmpty();
		assertThat(windows.nextOpening(MONDAY_NOON, start)).isEmpty();
	}

	@Test
	void givenACronThatNeverMatchesThenNoWindowOpens() {
		MaintenanceWindows windows = MaintenanceWindows
			.of(List.of(new MaintenanceWindow("0 0 30 2 *", null, 60L, null)));

		assertThat(windows.nextOpening(MONDAY_NOON, null)).isEmpty();
	}

	@Test
	void givenBadWindowsThenEachProblemIsNamed() {
		assertThat(MaintenanceWindows.problem(new MaintenanceWindow(null, null, 60L, null))).contains("exactly one");
		assertThat(MaintenanceWindows.problem(new MaintenanceWindow("0 22 * * *", MONDAY_NOON, 60L, null)))
			.contains("exactly one");
		assertThat(MaintenanceWindows.problem(new MaintenanceWindow("0 22 * *", null, 60L, null))).contains("4 fields");
		assertThat(MaintenanceWindows.problem(new MaintenanceWindow("0 99 * * *", null, 60L, null))).contains("cron");
		assertThat(MaintenanceWindows.problem(new MaintenanceWindow("0 22 * * *", null, 0L, null)))
			.contains("durationInSeconds");
		assertThat(MaintenanceWindows.problem(new MaintenanceWindow("0 22 * * *", null, 60L, "Mars/Olympus")))
			.contains("time zone");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MaintenanceWindows.of(List.of(new MaintenanceWindow(null, null, 1L, null))))
			.withMessageStartingWith("maintenanceWindows[0]");
	}

}
