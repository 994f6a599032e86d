package dev.fleetjobs.executor.rollout;

import java.util.List;

import dev.fleetjobs.executor.scheduling.HubCallException;

/** Port: the ids of the devices a query condition selects now, in the hub's order. */
public interface DeviceSelector {

	/**
	 * Every matching device id.
	 * @param condition an IoT Hub query condition, or {@code *} for every device
	 */
	List<String> select(String condition) throws HubCallException;

}
