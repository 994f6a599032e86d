package dev.fleetjobs.contracts.rollout;

/**
 * When an exponential rate grows: exactly one of the two is set.
 *
 * @param numberOfNotifiedDevices after this many more devices were sent the action
 * (1..1,000,000)
 * @param numberOfSucceededDevices after this many more devices succeeded (1..1,000,000)
 */
public record RateIncreaseCriteria(Integer numberOfNotifiedDevices, Integer numberOfSucceededDevices) {
}
