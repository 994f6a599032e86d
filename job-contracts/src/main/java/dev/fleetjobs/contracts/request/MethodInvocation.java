package dev.fleetjobs.contracts.request;

/**
 * A direct method call, as IoT Hub runs it on each device of a job.
 *
 * @param methodName the method, e.g. {@code lockDoor}
 * @param payload any JSON value (object, array, string, number, boolean or null), at most
 * 128 KB serialized
 * @param responseTimeoutInSeconds 5..300; absent means 30
 * @param connectTimeoutInSeconds 0..300; absent means 0 (the device must be connected)
 */
public record MethodInvocation(String methodName, Object payload, Integer responseTimeoutInSeconds,
		Integer connectTimeoutInSeconds) {

	public static final int DEFAULT_RESPONSE_TIMEOUT_IN_SECONDS = 30;

	public static final int DEFAULT_CONNECT_TIMEOUT_IN_SECONDS = 0;

}
