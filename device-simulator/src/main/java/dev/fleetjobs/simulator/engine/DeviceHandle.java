package dev.fleetjobs.simulator.engine;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.fleetjobs.simulator.device.DoorLock;
import dev.fleetjobs.simulator.hub.DeviceCredentials;

/**
 * One simulated device as an engine runs it: how it logs in, its behaviour, and whether
 * it is connected and busy answering a method.
 */
public final class DeviceHandle {

	private final DeviceCredentials credentials;

	private final DoorLock lock;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger connects = new AtomicInteger();

	private final AtomicBoolean connected = new AtomicBoolean();

	public DeviceHandle(DeviceCredentials credentials, DoorLock lock) {
		this.credentials = credentials;
		this.lock = lock;
	}

	public String deviceId() {
		return this.credentials.deviceId();
	}

	public DeviceCredentials credentials() {
		return this.credentials;
	}

	public DoorLock lock() {
		return this.lock;
	}

	public boolean isConnected() {
		return this.connected.get();
	}

	/** Whether the device has been connected at least once. */
	public boolean hasConnected() {
		return this.connects.get() > 0;
	}

	/** Methods being answered right now. */
	public int inFlight() {
		return this.inFlight.get();
	}

	void methodStarted() {
		this.inFlight.incrementAndGet();
	}

	void methodDone() {
		this.inFlight.decrementAndGet();
	}

	/** True when this changed the state; a second connect counts as a reconnect. */
	boolean markConnected() {
		if (this.connected.compareAndSet(false, true)) {
			this.connects.incrementAndGet();
			return true;
		}
		return false;
	}

	boolean markDisconnected() {
		return this.connected.compareAndSet(true, false);
	}

	boolean isReconnect() {
		return this.connects.get() > 1;
	}

}
