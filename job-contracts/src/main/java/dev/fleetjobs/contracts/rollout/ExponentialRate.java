package dev.fleetjobs.contracts.rollout;

/**
 * A rate that starts at a base and is multiplied by a factor each time the rollout
 * notified (or saw succeed) a number of devices since the last increase, up to the
 * rollout's {@code maxDevicesPerMinute} when it has one.
 *
 * @param baseRatePerMinute the first rate, 1..100,000 devices per minute
 * @param incrementFactor the growth factor, 1.1..5.0
 * @param rateIncreaseCriteria when the rate grows
 */
public record ExponentialRate(Integer baseRatePerMinute, Double incrementFactor,
		RateIncreaseCriteria rateIncreaseCriteria) {
}
