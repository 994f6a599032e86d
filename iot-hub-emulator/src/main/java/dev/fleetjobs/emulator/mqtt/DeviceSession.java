package dev.fleetjobs.emulator.mqtt;

import java.util.EnumSet;
import java.util.Set;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;

/** One device's MQTT connection and the topics it subscribed to. */
final class DeviceSession {

	private final String deviceId;

	private final Channel channel;

	private final boolean cleanSession;

	private volatile Set<Subscription> subscriptions;

	DeviceSession(String deviceId, Channel channel, boolean cleanSession, Set<Subscription> restored) {
		this.deviceId = deviceId;
		this.channel = channel;
		this.cleanSession = cleanSession;
		this.subscriptions = restored.isEmpty() ? Set.of() : Set.copyOf(restored);
	}

	String deviceId() {
		return this.deviceId;
	}

	Channel channel() {
		return this.channel;
	}

	boolean cleanSession() {
		return this.cleanSession;
	}

	Set<Subscription> subscriptions() {
		return this.subscriptions;
	}

	boolean subscribed(Subscription subscription) {
		return this.subscriptions.contains(subscription);
	}

	synchronized void subscribe(Set<Subscription> added) {
		EnumSet<Subscription> next = this.subscriptions.isEmpty() ? EnumSet.noneOf(Subscription.class)
				: EnumSet.copyOf(this.subscriptions);
		next.addAll(added);
		this.subscriptions = Set.copyOf(next);
	}

	synchronized void unsubscribe(Set<Subscription> removed) {
		EnumSet<Subscription> next = this.subscriptions.isEmpty() ? EnumSet.noneOf(Subscription.class)
				: EnumSet.copyOf(this.subscriptions);
		next.removeAll(removed);
		this.subscriptions = Set.copyOf(next);
	}

	/** Publishes at QoS 0, which both SDKs accept for every hub-to-device topic. */
	boolean publish(String topic, ByteBuf payload) {
		if (!this.channel.isActive()) {
			payload.release();
			return false;
		}
		this.channel.writeAndFlush(new MqttPublishMessage(
				new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.AT_MOST_ONCE, false, 0),
				new MqttPublishVariableHeader(topic, 0), payload), this.channel.voidPromise());
		return true;
	}

}
