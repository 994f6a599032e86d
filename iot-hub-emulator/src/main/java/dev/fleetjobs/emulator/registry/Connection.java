package dev.fleetjobs.emulator.registry;

import java.time.Instant;

/** A device's connection state, kept in memory: every device is disconnected at start. */
public record Connection(boolean connected, Instant stateUpdatedTime, Instant lastActivityTime) {

	static final Connection NEVER = new Connection(false, null, null);

}
