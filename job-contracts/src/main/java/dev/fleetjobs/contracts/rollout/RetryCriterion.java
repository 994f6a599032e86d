package dev.fleetjobs.contracts.rollout;

/**
 * Retries the devices whose attempt failed with the failure type, each up to the number
 * of retries, the k-th retry no sooner than
 * {@code backoffInSeconds * backoffMultiplier^(k-1)} after the failed attempt ended (at
 * most an hour).
 *
 * @param failureType FAILED, TIMED_OUT (offline devices too) or ALL
 * @param numberOfRetries 1..10
 * @param backoffInSeconds the wait before the first retry, 0..3600; absent means 10
 * @param backoffMultiplier the growth of the wait, 1.0..10.0; absent means 2.0
 */
public record RetryCriterion(FailureType failureType, Integer numberOfRetries, Integer backoffInSeconds,
		Double backoffMultiplier) {

	public static final int DEFAULT_BACKOFF_IN_SECONDS = 10;

	public static final double DEFAULT_BACKOFF_MULTIPLIER = 2.0;

	/** The longest wait before a retry, in seconds. */
	public static final long MAX_BACKOFF_IN_SECONDS = 3600;

	/** The wait before the given retry (1 for the first), in seconds. */
	public long backoffBefore(int retry) {
		double base = (this.backoffInSeconds != null) ? this.backoffInSeconds : DEFAULT_BACKOFF_IN_SECONDS;
		double multiplier = (this.backoffMultiplier != null) ? this.backoffMultiplier : DEFAULT_BACKOFF_MULTIPLIER;
		double wait = base * Math.pow(multiplier, Math.max(0, retry - 1));
		return (long) Math.min(wait, MAX_BACKOFF_IN_SECONDS);
	}

}
