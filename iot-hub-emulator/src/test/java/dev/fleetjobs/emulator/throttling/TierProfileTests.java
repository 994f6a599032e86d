package dev.fleetjobs.emulator.throttling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The published quotas of each tier (iot-hub-protocol.md §6.2) and the profile syntax.
 */
class TierProfileTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "F1, 1, 100, 10, 20", "S1, 1, 100, 10, 20", "S1x4, 1, 400, 10, 80", "S2, 5, 100, 10, 20",
			"S2x20, 5, 2000, 20, 400", "S3, 10, 5000, 50, 1000", "s3:2, 10, 10000, 100, 2000" })
	void givenATierWhenItsQuotasAreReadThenTheyAreThePublishedOnes(String profile, int concurrent,
			int jobOperationsPerMinute, int deviceOperationsPerSecond, int queriesPerMinute) {
		TierProfile tier = TierProfile.parse(profile);

		assertThat(tier.maxConcurrentJobs()).isEqualTo(concurrent);
		assertThat(tier.jobOperationsPerMinute()).isEqualTo(jobOperationsPerMinute);
		assertThat(tier.jobDeviceOperationsPerSecond()).isEqualTo(deviceOperationsPerSecond);
		assertThat(tier.queriesPerMinute()).isEqualTo(queriesPerMinute);
	}

	@Test
	void givenUnlimitedWhenParsedThenNothingIsLimitedAndItPrintsBack() {
		TierProfile tier = TierProfile.parse("Unlimited");

		assertThat(tier.unlimited()).isTrue();
		assertThat(tier.maxConcurrentJobs()).isEqualTo(Integer.MAX_VALUE);
		assertThat(tier).hasToString("unlimited");
		assertThat(TierProfile.parse("s2X3")).hasToString("S2x3");
	}

	@Test
	void givenBadProfilesWhenParsedThenTheyAreRefusedWithTheSyntax() {
		assertThatThrownBy(() -> TierProfile.parse("B1")).hasMessageContaining("unlimited, F1, S1, S2 or S3");
		assertThatThrownBy(() -> TierProfile.parse("F1x2")).hasMessageContaining("F1 takes 1 to 1 units");
		assertThatThrownBy(() -> TierProfile.parse("S3x11")).hasMessageContaining("S3 takes 1 to 10 units");
	}

}
