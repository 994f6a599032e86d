package dev.fleetjobs.launcher.demo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed tutorial's two jobs, submitted over REST: {@code lockDoor} on the doors of
 * floor 3 of building 43, and a twin update of their desired {@code building} and
 * {@code floor}; plus {@code lockDoor} on the whole fleet, to show a large fan-out, and
 * the same as a rollout in growing waves.
 */
public final class DemoJobs {

	/** The tutorial's query condition. */
	public static final Map<String, Object> FLOOR_3_OF_BUILDING_43 = Map.of("building", 43, "floor", 3);

	private DemoJobs() {
	}

	/** One demo job: its label for the progress bars and its request body. */
	public record Demo(String label, Map<String, Object> request) {
	}

	public static List<Demo> all(String runId) {
		return List.of(new Demo("lockDoor b43/f3", lockDoor(runId + "-lockdoor", FLOOR_3_OF_BUILDING_43)),
				new Demo("twin b43/f3", twinUpdate(runId + "-twin", FLOOR_3_OF_BUILDING_43)),
				new Demo("lockDoor all", lockDoor(runId + "-lockdoor-all", Map.of("kind", "door-lock"))),
				new Demo("rollout all", rollout(runId + "-rollout", Map.of("kind", "door-lock"))));
	}

	/**
	 * {@code lockDoor} on the devices as a rollout: waves every 2 s, from 600 devices a
	 * minute (20 a wave), doubling every 20 devices notified, so the waves grow 20, 40,
	 * 80, ...; it stops for good if a quarter of at least 50 devices fail.
	 */
	public static Map<String, Object> rollout(String requestId, Map<String, Object> tags) {
		Map<String, Object> request = new LinkedHashMap<>(lockDoor(requestId, tags));
		request.put("rollout",
				Map.of("waveIntervalInSeconds", 2, "exponential",
						Map.of("baseRatePerMinute", 600, "incrementFactor", 2.0, "rateIncreaseCriteria",
								Map.of("numberOfNotifiedDevices", 20)),
						"abort", List.of(Map.of("failureType", "ALL", "thresholdPercentage", 25,
								"minNumberOfExecutedDevices", 50, "action", "CANCEL"))));
		return request;
	}

	public static Map<String, Object> lockDoor(String requestId, Map<String, Object> tags) {
		return Map.of("requestId", requestId, "target", Map.of("tags", tags), "action",
				Map.of("directMethod",
						Map.of("methodName", "lockDoor", "payload", Map.of("lockTime", "10m"),
								"responseTimeoutInSeconds", 10)),
				"maxExecutionTimeInSeconds", 60, "startTime", Instant.now().toString());
	}

	public static Map<String, Object> twinUpdate(String requestId, Map<String, Object> tags) {
		return Map.of("requestId", requestId, "target", Map.of("tags", tags), "action",
				Map.of("twinUpdate", Map.of("desiredProperties", Map.of("building", 43, "floor", 3))),
				"maxExecutionTimeInSeconds", 60, "startTime", Instant.now().toString());
	}

}
