package dev.fleetjobs.launcher.chaos;

import java.util.Map;

/**
 * One request of the scenario, decided by the seed before the run.
 *
 * @param requestId its request id
 * @param channel {@code rest} or {@code kafka}
 * @param type {@code lockDoor} or {@code twin}, or {@code invalid}
 * @param body the request as JSON (for an invalid request: what is wrong with it)
 * @param expectedDevices how many devices the target selects in the simulated fleet
 * @param maxExecutionSeconds its max execution time
 * @param burst whether it is submitted in the S1 burst (so that it queues)
 */
record PlannedJob(String requestId, String channel, String type, String body, int expectedDevices,
		int maxExecutionSeconds, boolean burst) {

	boolean valid() {
		return !"invalid".equals(this.type);
	}

	String jobId() {
		return Chaos.jobIdOf(this.requestId);
	}

	static String json(Map<String, Object> request) {
		return Chaos.JSON.writeValueAsString(request);
	}

}
