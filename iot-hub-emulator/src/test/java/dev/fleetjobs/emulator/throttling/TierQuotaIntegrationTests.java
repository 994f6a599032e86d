package dev.fleetjobs.emulator.throttling;

import com.microsoft.azure.sdk.iot.service.exceptions.IotHubTooManyRequestsException;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobType;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The per-minute quotas of a tier profile switched on at runtime, as the official SDK
 * sees them: S1 allows 20 queries and 100 job operations a minute, then answers the hub's
 * 429; switching back to unlimited lifts them at once.
 */
@EmulatorTest
class TierQuotaIntegrationTests {

	@Test
	void givenS1SwitchedOnWhenTwentyOneQueriesAreMadeThenTheLastGetsTheHubs429UntilUnlimitedAgain(IotHubEmulator hub,
			ServiceClients service) throws Exception {
		// Given the S1 profile, switched on while the emulator runs
		hub.tier(TierProfile.parse("S1"));
		String query = "SELECT * FROM devices WHERE deviceId = 'no-such-device'";

		// When 20 queries are made, then they pass; the 21st gets the hub's 429
		for (int i = 0; i < 20; i++) {
			assertThat(service.query().queryTwins(query).hasNext()).isFalse();
		}
		assertThatThrownBy(() -> service.query().queryTwins(query)).isInstanceOf(IotHubTooManyRequestsException.class)
			.hasMessageContaining("ThrottlingException");

		// And back on unlimited, queries pass at once
		hub.tier(TierProfile.UNLIMITED);
		assertThat(service.query().queryTwins(query).hasNext()).isFalse();
	}

	@Test
	void givenS1SwitchedOnWhenAHundredAndOneJobOperationsAreMadeThenTheLastGetsTheHubs429(IotHubEmulator hub,
			ServiceClients service) throws Exception {
		// Given the S1 profile, switched on while the emulator runs
		hub.tier(TierProfile.parse("S1"));
		long listed = hub.calls().count("jobs.query");

		// When 100 job lists are made, then they pass; the 101st gets the hub's 429
		for (int i = 0; i < 100; i++) {
			service.jobs().query(ScheduledJobType.scheduleUpdateTwin, ScheduledJobStatus.scheduled);
		}
		assertThatThrownBy(
				() -> service.jobs().query(ScheduledJobType.scheduleUpdateTwin, ScheduledJobStatus.scheduled))
			.isInstanceOf(IotHubTooManyRequestsException.class)
			.hasMessageContaining("ThrottlingException");
		assertThat(hub.calls().count("jobs.query") - listed).isEqualTo(101);
	}

}
