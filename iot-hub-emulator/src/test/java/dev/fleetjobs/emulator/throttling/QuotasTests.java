package dev.fleetjobs.emulator.throttling;

import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.errors.IotHubErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Quotas as rate limiters: 429 when spent, pacing for job devices, runtime switch. */
class QuotasTests {

	@Test
	void givenS1WhenTwentyOneQueriesComeInAMinuteThenTheLastGetsTheHubs429() {
		Quotas quotas = new Quotas(TierProfile.parse("S1"));
		for (int i = 0; i < 20; i++) {
			quotas.checkQuery();
		}

		assertThatThrownBy(quotas::checkQuery).isInstanceOf(IotHubErrorException.class)
			.hasMessageContaining("20 per minute")
			.satisfies((ex) -> assertThat(((IotHubErrorException) ex).httpStatus()).isEqualTo(429));
	}

	@Test
	void givenS1WhenDeviceOperationsAreTakenThenTenAreGrantedAndTheNextWaitsUnderASecond() {
		Quotas quotas = new Quotas(TierProfile.parse("S1"));

		assertThat(quotas.acquireDeviceOperations(25)).isEqualTo(10);
		assertThat(quotas.acquireDeviceOperations(5)).isZero();
		assertThat(quotas.untilNextDeviceOperation().toMillis()).isBetween(1L, 1000L);
	}

	@Test
	void givenSpentQuotasWhenTheProfileIsSwitchedToUnlimitedThenNothingIsLimited() {
		Quotas quotas = new Quotas(TierProfile.parse("F1"));
		quotas.acquireDeviceOperations(10);

		quotas.profile(TierProfile.UNLIMITED);

		assertThat(quotas.acquireDeviceOperations(100_000)).isEqualTo(100_000);
		for (int i = 0; i < 1000; i++) {
			quotas.checkJobOperation();
		}
		assertThat(quotas.maxConcurrentJobs()).isEqualTo(Integer.MAX_VALUE);
	}

}
