package dev.fleetjobs.emulator.methods;

import tools.jackson.databind.JsonNode;

/** A device's answer to a direct method: its own status and payload. */
public record MethodResult(int status, JsonNode payload) {
}
