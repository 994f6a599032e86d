package dev.fleetjobs.emulator.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import dev.fleetjobs.emulator.auth.AccessPolicies;
import dev.fleetjobs.emulator.auth.DeviceKeys;
import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.store.KeyedLocks;
import dev.fleetjobs.emulator.store.StoreMap;

/**
 * The identity registry: devices with symmetric keys and a status. Kept in memory for
 * reads, written through to the store. Connection state is in memory only.
 */
public final class DeviceRegistry implements DeviceKeys {

	private final ConcurrentSkipListMap<String, Device> devices = new ConcurrentSkipListMap<>();

	private final Map<String, Connection> connections = new ConcurrentHashMap<>();

	private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();

	private final KeyedLocks locks = new KeyedLocks(256);

	private final StoreMap store;

	private final Clock clock;

	public DeviceRegistry(StoreMap store, Clock clock) {
		this.store = store;
		this.clock = clock;
		store.entries().forEach((entry) -> this.devices.put(entry.getKey(), DeviceCodec.read(entry.getValue())));
	}

	public void addListener(RegistryListener listener) {
		this.listeners.add(listener);
	}

	public Device create(DeviceSpec spec) {
		String id = DeviceIds.validate(spec.deviceId());
		Device device;
		synchronized (lock(id)) {
			if (this.devices.containsKey(id)) {
				throw IotHubErrors.deviceAlreadyExists(id);
			}
			Instant now = this.clock.instant();
			String generationId = generationId();
			DeviceScopes.Scopes scopes = DeviceScopes.resolve(spec, generationId, this.devices::get);
			device = new Device(id, generationId, 1, spec.status(), spec.statusReason(), now,
					keyOrNew(spec.primaryKey()), keyOrNew(spec.secondaryKey()), spec.iotEdge(), scopes.deviceScope(),
					scopes.parentScopes());
			save(device);
		}
		this.listeners.forEach((listener) -> listener.deviceCreated(device));
		return device;
	}

	/**
	 * Updates status, reason, keys (when given), capabilities and scopes; If-Match as
	 * sent.
	 */
	public Device update(DeviceSpec spec, String ifMatch) {
		String id = DeviceIds.validate(spec.deviceId());
		Device updated;
		synchronized (lock(id)) {
			Device current = get(id);
			Etags.check(ifMatch, current.etag(), "device " + id);
			Instant statusTime = (current.status() != spec.status()) ? this.clock.instant()
					: current.statusUpdatedTime();
			DeviceScopes.Scopes scopes = DeviceScopes.resolve(spec, current.generationId(), this.devices::get);
			updated = new Device(id, current.generationId(), current.version() + 1, spec.status(), spec.statusReason(),
					statusTime, keyOrKeep(spec.primaryKey(), current.primaryKey()),
					keyOrKeep(spec.secondaryKey(), current.secondaryKey()), spec.iotEdge(), scopes.deviceScope(),
					scopes.parentScopes());
			save(updated);
		}
		this.listeners.forEach((listener) -> listener.deviceUpdated(updated));
		return updated;
	}

	public void delete(String deviceId, String ifMatch) {
		synchronized (lock(deviceId)) {
			Etags.check(ifMatch, get(deviceId).etag(), "device " + deviceId);
			this.devices.remove(deviceId);
			this.store.remove(deviceId);
			this.connections.remove(deviceId);
		}
		this.listeners.forEach((listener) -> listener.deviceDeleted(deviceId));
	}

	/** The device, or the hub's 404 DeviceNotFound. */
	public Device get(String deviceId) {
		Device device = this.devices.get(deviceId);
		if (device == null) {
			throw IotHubErrors.deviceNotFound(deviceId);
		}
		return device;
	}

	/** The device, or null. */
	public Device find(String deviceId) {
		return this.devices.get(deviceId);
	}

	/** Devices in id order, at most {@code top}. */
	public List<Device> list(int top) {
		List<Device> result = new ArrayList<>();
		for (Device device : this.devices.values()) {
			if (result.size() >= top) {
				break;
			}
			result.add(device);
		}
		return result;
	}

	/** All devices in id order (a live view). */
	public Iterable<Device> all() {
		return this.devices.values();
	}

	public int count() {
		return this.devices.size();
	}

	public Statistics statistics() {
		long enabled = this.devices.values().stream().filter(Device::enabled).count();
		return new Statistics(this.devices.size(), enabled, this.devices.size() - enabled);
	}

	public Connection connection(String deviceId) {
		return this.connections.getOrDefault(deviceId, Connection.NEVER);
	}

	/** Called by the device endpoint when a device connects or disconnects. */
	public void connectionChanged(String deviceId, boolean connected) {
		Instant now = this.clock.instant();
		this.connections.put(deviceId, new Connection(connected, now, now));
	}

	/** Called by the device endpoint on device traffic. */
	public void activity(String deviceId) {
		Connection current = connection(deviceId);
		this.connections.put(deviceId,
				new Connection(current.connected(), current.stateUpdatedTime(), this.clock.instant()));
	}

	@Override
	public Credentials credentials(String deviceId) {
		Device device = this.devices.get(deviceId);
		return (device != null) ? new Credentials(device.primaryKey(), device.secondaryKey(), device.enabled()) : null;
	}

	private Object lock(String deviceId) {
		return this.locks.lock(deviceId);
	}

	private void save(Device device) {
		this.devices.put(device.deviceId(), device);
		this.store.put(device.deviceId(), DeviceCodec.write(device));
	}

	private static String keyOrNew(String key) {
		return (key == null || key.isEmpty()) ? AccessPolicies.newKey() : validKey(key);
	}

	private static String keyOrKeep(String key, String current) {
		return (key == null || key.isEmpty()) ? current : validKey(key);
	}

	private static String validKey(String key) {
		try {
			int length = Base64.getDecoder().decode(key).length;
			if (length >= 16 && length <= 64) {
				return key;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw IotHubErrors.argumentInvalid("A symmetric key must be base64 of 16 to 64 bytes.");
	}

	private static String generationId() {
		return "638" + String.format("%015d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
	}

	/** Device counts, as {@code GET /statistics/devices} reports them. */
	public record Statistics(long totalDeviceCount, long enabledDeviceCount, long disabledDeviceCount) {
	}

}
