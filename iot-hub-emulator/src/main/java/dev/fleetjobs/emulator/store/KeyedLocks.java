package dev.fleetjobs.emulator.store;

/**
 * Striped monitors, so that writes to one key (e.g. one device) are serialized cheaply.
 */
public final class KeyedLocks {

	private final Object[] locks;

	public KeyedLocks(int stripes) {
		this.locks = new Object[stripes];
		for (int i = 0; i < stripes; i++) {
			this.locks[i] = new Object();
		}
	}

	public Object lock(String key) {
		return this.locks[(key.hashCode() & 0x7fffffff) % this.locks.length];
	}

}
