package dev.fleetjobs.simulator.engine;

/**
 * What engines tell the rest of the simulator (metrics, health); all default to no-ops.
 */
public interface FleetEvents {

	FleetEvents NONE = new FleetEvents() {
	};

	default void connected(String deviceId, boolean reconnect) {
	}

	default void disconnected(String deviceId) {
	}

	default void connectFailed(String deviceId, Throwable cause) {
	}

	default void methodAnswered(String methodName, int status) {
	}

	default void desiredApplied(String deviceId) {
	}

	default void reported(String deviceId, boolean accepted) {
	}

}
