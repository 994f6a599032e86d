package dev.fleetjobs.launcher.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.fleetjobs.launcher.stack.StackSettings;

/**
 * The requests of a run, all decided by the seed: lockDoor and twin-update jobs on one
 * floor or one whole building, half over REST and half over Kafka, a tenth of them in the
 * S1 burst, plus about one invalid request per 20 valid ones (unknown field, bad method
 * name, or poison bytes on Kafka).
 */
final class WorkloadPlan {

	private WorkloadPlan() {
	}

	static List<PlannedJob> plan(ChaosOptions options, StackSettings fleet, Random random) {
		List<PlannedJob> jobs = new ArrayList<>();
		String prefix = "chaos-" + options.seed() + "-" + Long.toString(System.currentTimeMillis(), 36);
		int burst = Math.max(3, options.jobs() / 10);
		for (int i = 0; i < options.jobs(); i++) {
			int building = 1 + random.nextInt(fleet.buildings());
			Integer floor = (random.nextInt(5) == 0) ? null : 1 + random.nextInt(fleet.floors());
			Map<String, Object> tags = new LinkedHashMap<>();
			tags.put("building", building);
			if (floor != null) {
				tags.put("floor", floor);
			}
			boolean lockDoor = random.nextBoolean();
			String channel = random.nextBoolean() ? "rest" : "kafka";
			String requestId = prefix + "-" + i;
			Map<String, Object> request = lockDoor ? lockDoor(requestId, tags, options.maxExecutionSeconds())
					: twinUpdate(requestId, tags, options.maxExecutionSeconds(), random.nextInt(1000));
			jobs.add(new PlannedJob(requestId, channel, lockDoor ? "lockDoor" : "twin", PlannedJob.json(request),
					expectedDevices(fleet, building, floor), options.maxExecutionSeconds(), i < burst));
		}
		int invalid = Math.max(2, options.jobs() / 20);
		for (int i = 0; i < invalid; i++) {
			String requestId = prefix + "-bad-" + i;
			String channel = (i % 2 == 0) ? "kafka" : "rest";
			jobs.add(new PlannedJob(requestId, channel, "invalid", invalidBody(requestId, i, channel, options), 0,
					options.maxExecutionSeconds(), false));
		}
		java.util.Collections.shuffle(jobs, random);
		return jobs;
	}

	private static String invalidBody(String requestId, int i, String channel, ChaosOptions options) {
		Map<String, Object> request = new LinkedHashMap<>(
				lockDoor(requestId, Map.of("building", 1), options.maxExecutionSeconds()));
		switch ((i / 2) % 3) {
			case 0 -> request.put("colour", "red");
			case 1 -> request.put("action", Map.of("directMethod", Map.of("methodName", "lock door; drop")));
			default -> {
				if (channel.equals("kafka")) {
					return "\u0000\u00ff{poison";
				}
				request.put("maxExecutionTimeInSeconds", "soon");
			}
		}
		return PlannedJob.json(request);
	}

	/**
	 * How many devices of the simulated fleet carry the tags (its round-robin layout).
	 */
	static int expectedDevices(StackSettings fleet, int building, Integer floor) {
		int cells = fleet.buildings() * fleet.floors();
		int count = 0;
		for (int position = 0; position < fleet.devices(); position++) {
			int cell = position % cells;
			if (cell / fleet.floors() + 1 == building && (floor == null || cell % fleet.floors() + 1 == floor)) {
				count++;
			}
		}
		return count;
	}

	private static Map<String, Object> lockDoor(String requestId, Map<String, Object> tags, int maxExecution) {
		return Map.of("requestId", requestId, "target", Map.of("tags", tags), "action",
				Map.of("directMethod",
						Map.of("methodName", "lockDoor", "payload", Map.of("lockTime", "10m"),
								"responseTimeoutInSeconds", 10, "connectTimeoutInSeconds", 15)),
				"maxExecutionTimeInSeconds", maxExecution, "startTime", Instant.now().toString(), "labels",
				Map.of("scenario", "chaos"));
	}

	private static Map<String, Object> twinUpdate(String requestId, Map<String, Object> tags, int maxExecution,
			int value) {
		return Map.of("requestId", requestId, "target", Map.of("tags", tags), "action",
				Map.of("twinUpdate", Map.of("desiredProperties", Map.of("lockTimeMinutes", value))),
				"maxExecutionTimeInSeconds", maxExecution, "startTime", Instant.now().toString(), "labels",
				Map.of("scenario", "chaos"));
	}

}
