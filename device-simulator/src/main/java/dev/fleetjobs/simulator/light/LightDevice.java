package dev.fleetjobs.simulator.light;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;

import dev.fleetjobs.simulator.device.MethodReply;
import dev.fleetjobs.simulator.engine.DeviceHandle;
import dev.fleetjobs.simulator.light.IotHubTopics.Incoming;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One device on a shared event loop, speaking the hub's device topics as the SDK does:
 * SAS login, methods, twin GET and reported PATCH with {@code $rid}, desired
 * notifications. Every connect starts a clean session, subscribes with its callback, then
 * reads the twin and reconciles.
 */
final class LightDevice {

	private static final byte[] EMPTY = new byte[0];

	private final LightDeviceEngine engine;

	private final DeviceHandle device;

	private final Mqtt3AsyncClient client;

	private final AtomicInteger requestIds = new AtomicInteger();

	private volatile String twinRequest;

	private volatile CompletableFuture<Void> ready = new CompletableFuture<>();

	LightDevice(LightDeviceEngine engine, DeviceHandle device) {
		this.engine = engine;
		this.device = device;
		this.client = engine.clientFor(device.deviceId(), (context) -> onConnected(), this::onDisconnected);
	}

	CompletableFuture<Void> open() {
		CompletableFuture<Void> attempt = new CompletableFuture<>();
		this.ready = attempt;
		this.client.connectWith()
			.cleanSession(true)
			.keepAlive((int) this.engine.keepAlive().toSeconds())
			.simpleAuth()
			.username(this.engine.userName(this.device.deviceId()))
			.password(this.engine.password(this.device).getBytes(StandardCharsets.UTF_8))
			.applySimpleAuth()
			.send()
			.whenComplete((ack, failure) -> {
				if (failure != null) {
					attempt.completeExceptionally(failure);
				}
			});
		return attempt;
	}

	CompletableFuture<Void> close() {
		return this.client.disconnect().handle((ok, failure) -> {
			this.engine.disconnected(this.device, null);
			return null;
		});
	}

	private void onConnected() {
		CompletableFuture<?> subscribed = this.client.subscribe(LightDeviceEngine.SUBSCRIBE, this::onPublish);
		// The hub handles a connection's packets in order, so the twin GET can follow the
		// SUBSCRIBE at once: its answer comes after the subscription is in place.
		requestTwin();
		subscribed.whenComplete((ack, failure) -> {
			if (failure != null) {
				this.ready.completeExceptionally(failure);
				this.client.disconnect();
				return;
			}
			this.engine.connected(this.device);
			this.ready.complete(null);
		});
	}

	private void onDisconnected(MqttClientDisconnectedContext context) {
		// after a drop the hub or the network caused, the device comes back on its own
		boolean dropped = this.device.isConnected() && context.getSource() != MqttDisconnectSource.USER;
		this.engine.disconnected(this.device,
				dropped ? Duration.ofMillis(1000 + ThreadLocalRandom.current().nextLong(1000)) : null);
	}

	private void onPublish(Mqtt3Publish publish) {
		Incoming incoming = IotHubTopics.parse(publish.getTopic().toString());
		String payload = new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
		switch (incoming.kind()) {
			case METHOD -> onMethod(incoming, payload);
			case TWIN_RESPONSE -> onTwinResponse(incoming, payload);
			case DESIRED -> onDesired(incoming, payload);
			default -> {
				// telemetry or cloud-to-device topics: not part of a door lock
			}
		}
	}

	private void onMethod(Incoming call, String payload) {
		MethodReply reply = this.engine.methodCalled(this.device, call.methodName(), payload);
		Runnable answer = () -> {
			if (reply.reported() != null) {
				report(reply.reported());
			}
			publish(IotHubTopics.methodResponse(reply.status(), call.requestId()),
					reply.payload().getBytes(StandardCharsets.UTF_8));
			this.engine.methodAnswered(this.device, call.methodName(), reply.status());
		};
		if (reply.delay().isZero()) {
			answer.run();
		}
		else {
			this.engine.later(answer, reply.delay());
		}
	}

	private void onTwinResponse(Incoming response, String payload) {
		String requestId = response.requestId();
		if (requestId != null && requestId.equals(this.twinRequest)) {
			this.twinRequest = null;
			if (response.status() == 200) {
				JsonNode twin = LightDeviceEngine.JSON.readTree(payload);
				JsonNode desired = twin.path("desired");
				ObjectNode patch = this.device.lock()
					.reconcile(LightDeviceEngine.withoutMetadata(desired), desired.path("$version").asLong(0),
							LightDeviceEngine.withoutMetadata(twin.path("reported")));
				if (patch != null) {
					report(patch);
				}
			}
			else {
				this.engine.twinReadFailed(this.device, response.status());
			}
		}
		else {
			this.engine.reportAcknowledged(this.device, response.status() >= 200 && response.status() < 300);
		}
	}

	private void onDesired(Incoming notification, String payload) {
		JsonNode patch = LightDeviceEngine.JSON.readTree(payload);
		long version = (notification.version() >= 0) ? notification.version() : patch.path("$version").asLong(0);
		report(this.engine.desiredChanged(this.device, LightDeviceEngine.withoutMetadata(patch), version));
	}

	private void requestTwin() {
		String requestId = "g" + this.requestIds.incrementAndGet();
		this.twinRequest = requestId;
		publish(IotHubTopics.twinGet(requestId), EMPTY);
		this.engine.later(() -> {
			if (requestId.equals(this.twinRequest) && this.device.isConnected()) {
				requestTwin();
			}
		}, LightDeviceEngine.TWIN_TIMEOUT);
	}

	private void report(ObjectNode patch) {
		publish(IotHubTopics.reportedPatch("p" + this.requestIds.incrementAndGet()),
				patch.toString().getBytes(StandardCharsets.UTF_8));
	}

	private void publish(String topic, byte[] payload) {
		this.client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
	}

}
