package dev.fleetjobs.simulator.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs simulated devices against the hub (a port): the {@code sdk} engine gives each
 * device an official DeviceClient, the {@code light} engine multiplexes them on a shared
 * event loop. Both drive the same {@link dev.fleetjobs.simulator.device.DoorLock}.
 */
public interface DeviceEngine extends AutoCloseable {

	/**
	 * Connects devices, at most {@code connect-concurrency} at a time, and returns when
	 * each one has connected or failed once; failed devices keep trying in the
	 * background.
	 * @return how many connected
	 */
	int connectAll(List<DeviceHandle> devices) throws InterruptedException;

	/**
	 * Connects one device: completes once it is subscribed and has reconciled its twin.
	 */
	CompletableFuture<Void> connect(DeviceHandle device);

	/** Disconnects one device (it stays away until {@link #connect} is called). */
	CompletableFuture<Void> disconnect(DeviceHandle device);

	/** Devices connected and subscribed right now. */
	int connectedCount();

	/** Disconnects every device, waiting at most the shutdown timeout. */
	@Override
	void close();

}
