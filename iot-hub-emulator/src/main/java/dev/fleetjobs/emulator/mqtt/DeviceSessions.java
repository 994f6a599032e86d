package dev.fleetjobs.emulator.mqtt;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.fleetjobs.emulator.json.Json;
import dev.fleetjobs.emulator.methods.MethodService;
import dev.fleetjobs.emulator.methods.MethodTransport;
import dev.fleetjobs.emulator.registry.Device;
import dev.fleetjobs.emulator.registry.DeviceRegistry;
import dev.fleetjobs.emulator.registry.RegistryListener;
import dev.fleetjobs.emulator.store.StoreMap;
import dev.fleetjobs.emulator.twins.DesiredPropertyListener;
import io.netty.buffer.Unpooled;
import tools.jackson.databind.node.ObjectNode;

/**
 * The connected devices: at most one session per device (a new CONNECT closes the old
 * one), and each device's subscriptions kept across reconnects when it connects with
 * CleanSession=0, as the hub keeps them. Kept subscriptions are stored, so they survive
 * an emulator restart too.
 */
public final class DeviceSessions implements MethodTransport, DesiredPropertyListener, RegistryListener {

	private final Map<String, DeviceSession> active = new ConcurrentHashMap<>();

	private final Map<String, Set<Subscription>> kept = new ConcurrentHashMap<>();

	private final DeviceRegistry registry;

	private final MethodService methods;

	private final StoreMap store;

	public DeviceSessions(DeviceRegistry registry, MethodService methods, StoreMap store) {
		this.registry = registry;
		this.methods = methods;
		this.store = store;
		for (Map.Entry<String, String> entry : store.entries()) {
			Set<Subscription> subscriptions = EnumSet.noneOf(Subscription.class);
			for (String name : entry.getValue().split(",")) {
				if (!name.isEmpty()) {
					subscriptions.add(Subscription.valueOf(name));
				}
			}
			this.kept.put(entry.getKey(), Set.copyOf(subscriptions));
		}
	}

	/**
	 * Opens a session, closing any older one; restores kept subscriptions unless clean.
	 */
	DeviceSession connect(String deviceId, io.netty.channel.Channel channel, boolean cleanSession) {
		if (cleanSession && this.kept.remove(deviceId) != null) {
			this.store.remove(deviceId);
		}
		DeviceSession session = new DeviceSession(deviceId, channel, cleanSession,
				this.kept.getOrDefault(deviceId, Set.of()));
		DeviceSession previous = this.active.put(deviceId, session);
		if (previous != null) {
			previous.channel().close();
		}
		this.registry.connectionChanged(deviceId, true);
		if (session.subscribed(Subscription.METHODS)) {
			this.methods.deviceReady(deviceId);
		}
		return session;
	}

	void disconnected(DeviceSession session) {
		if (this.active.remove(session.deviceId(), session)) {
			this.registry.connectionChanged(session.deviceId(), false);
		}
	}

	void subscribed(DeviceSession session, Set<Subscription> added) {
		session.subscribe(added);
		keep(session);
		if (added.contains(Subscription.METHODS)) {
			this.methods.deviceReady(session.deviceId());
		}
	}

	void unsubscribed(DeviceSession session, Set<Subscription> removed) {
		session.unsubscribe(removed);
		keep(session);
	}

	private void keep(DeviceSession session) {
		if (!session.cleanSession()) {
			Set<Subscription> subscriptions = session.subscriptions();
			if (!subscriptions.equals(this.kept.put(session.deviceId(), subscriptions))) {
				this.store.put(session.deviceId(),
						subscriptions.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
			}
		}
	}

	/** Devices connected now. */
	public int connectedCount() {
		return this.active.size();
	}

	public boolean isConnected(String deviceId) {
		return this.active.containsKey(deviceId);
	}

	@Override
	public boolean send(String deviceId, String methodName, String requestId, byte[] payload) {
		DeviceSession session = this.active.get(deviceId);
		if (session == null || !session.subscribed(Subscription.METHODS)) {
			return false;
		}
		return session.publish(DeviceTopics.methodRequest(methodName, requestId), Unpooled.wrappedBuffer(payload));
	}

	@Override
	public void desiredChanged(String deviceId, ObjectNode patch, long version) {
		DeviceSession session = this.active.get(deviceId);
		if (session != null && session.subscribed(Subscription.DESIRED)) {
			session.publish(DeviceTopics.desiredPatch(version), Unpooled.wrappedBuffer(Json.bytes(patch)));
		}
	}

	@Override
	public void deviceUpdated(Device device) {
		if (!device.enabled()) {
			close(device.deviceId());
		}
	}

	@Override
	public void deviceDeleted(String deviceId) {
		this.kept.remove(deviceId);
		this.store.remove(deviceId);
		close(deviceId);
	}

	/** Closes every device connection, e.g. before a shutdown. */
	public void closeAll() {
		this.active.values().forEach((session) -> session.channel().close());
	}

	/**
	 * Drops a device's connection from the hub's side, as a network fault or a hub
	 * restart would; the device's kept subscriptions stay.
	 */
	public void disconnect(String deviceId) {
		close(deviceId);
	}

	private void close(String deviceId) {
		DeviceSession session = this.active.get(deviceId);
		if (session != null) {
			session.channel().close();
		}
	}

}
