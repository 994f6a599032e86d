package dev.fleetjobs.simulator.device;

import java.time.Duration;

import tools.jackson.databind.node.ObjectNode;

/**
 * What a device answers to a direct method: the status and JSON payload, the reported
 * properties it sends first (or null), and how long it waits before answering.
 *
 * @param status the method status (200, 400, 404, 500)
 * @param payload the JSON payload of the answer
 * @param reported the reported-properties patch to send before the answer, or null
 * @param delay the simulated latency before the patch and the answer
 */
public record MethodReply(int status, String payload, ObjectNode reported, Duration delay) {

}
