package dev.fleetjobs.launcher.chaos;

/**
 * What became of a planned request at the front door.
 *
 * @param job the request
 * @param status the REST answer (202, 400, ...) or 0 for a record acked by Kafka
 * @param answer the REST answer's body, or {@code null}
 * @param submittedAtNanos when it was acknowledged ({@link System#nanoTime()})
 * @param attempts how many tries it took (a retry resends the same request id, as clients
 * do)
 */
record Submission(PlannedJob job, int status, String answer, long submittedAtNanos, int attempts) {
}
