package dev.fleetjobs.simulator.fleet;

import java.util.Map;

/**
 * One door lock of the fleet.
 *
 * @param deviceId its IoT Hub device id
 * @param position its place in the fleet, from 0
 * @param building its {@code building} tag
 * @param floor its {@code floor} tag
 * @param tags all of its tags ({@code building} and {@code floor} as numbers)
 */
public record SimulatedDevice(String deviceId, int position, int building, int floor, Map<String, Object> tags) {

	public SimulatedDevice {
		tags = Map.copyOf(tags);
	}

}
