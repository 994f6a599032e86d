package dev.fleetjobs.simulator.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscribe;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscription;

import dev.fleetjobs.simulator.hub.DeviceCredentials;
import dev.fleetjobs.simulator.hub.HubConnection;

/**
 * The baseline the light engine is measured against: a plain HiveMQ-client load
 * generator. Each device is one HiveMQ client with the same shared transport, TLS and
 * event loop, doing the least a hub device does: SAS login and one SUBSCRIBE to the
 * method and twin topics, with a callback that drops what arrives. No behaviour, no twin,
 * no bookkeeping.
 */
final class BaselineLoadGenerator {

	private static final Mqtt3Subscribe SUBSCRIBE = Mqtt3Subscribe.builder()
		.addSubscription(
				Mqtt3Subscription.builder().topicFilter("$iothub/methods/POST/#").qos(MqttQos.AT_LEAST_ONCE).build())
		.addSubscription(
				Mqtt3Subscription.builder().topicFilter("$iothub/twin/res/#").qos(MqttQos.AT_LEAST_ONCE).build())
		.addSubscription(Mqtt3Subscription.builder()
			.topicFilter("$iothub/twin/PATCH/properties/desired/#")
			.qos(MqttQos.AT_LEAST_ONCE)
			.build())
		.build();

	private final HubConnection hub;

	private final MqttClientTransportConfig transport;

	private final MqttClientExecutorConfig executor;

	private final List<Mqtt3AsyncClient> clients = new ArrayList<>();

	BaselineLoadGenerator(HubConnection hub, boolean webSocket, int threads) {
		this.hub = hub;
		MqttClientTransportConfigBuilder builder = MqttClientTransportConfig.builder()
			.serverHost(hub.hostName())
			.serverPort(webSocket ? hub.httpsPort() : hub.mqttPort())
			.mqttConnectTimeout(30, TimeUnit.SECONDS)
			.sslConfig()
			.trustManagerFactory(hub.trustManagerFactory())
			.applySslConfig();
		if (webSocket) {
			builder.webSocketConfig().serverPath("$iothub/websocket").subprotocol("mqtt").applyWebSocketConfig();
		}
		this.transport = builder.build();
		this.executor = MqttClientExecutorConfig.builder().nettyThreads(threads).build();
	}

	/** Connects and subscribes every device, at most {@code concurrency} at a time. */
	int connectAll(List<DeviceCredentials> devices, int concurrency) throws InterruptedException {
		Semaphore permits = new Semaphore(concurrency);
		List<CompletableFuture<?>> attempts = new ArrayList<>();
		for (DeviceCredentials device : devices) {
			permits.acquire();
			Mqtt3AsyncClient client = MqttClient.builder()
				.useMqttVersion3()
				.identifier(device.deviceId())
				.transportConfig(this.transport)
				.executorConfig(this.executor)
				.buildAsync();
			this.clients.add(client);
			attempts.add(client.connectWith()
				.cleanSession(true)
				.keepAlive(230)
				.simpleAuth()
				.username(this.hub.hostName() + "/" + device.deviceId() + "/?api-version=2021-04-12")
				.password(device.sasToken(java.time.Duration.ofHours(2)).getBytes(StandardCharsets.UTF_8))
				.applySimpleAuth()
				.send()
				.thenCompose((ack) -> client.subscribe(SUBSCRIBE, (publish) -> {
				}))
				.whenComplete((ok, failure) -> permits.release()));
		}
		int connected = 0;
		for (CompletableFuture<?> attempt : attempts) {
			try {
				attempt.join();
				connected++;
			}
			catch (RuntimeException ex) {
				// counted as not connected
			}
		}
		return connected;
	}

	void close() {
		CompletableFuture
			.allOf(this.clients.stream().map(Mqtt3AsyncClient::disconnect).toArray(CompletableFuture[]::new))
			.exceptionally((failure) -> null)
			.join();
	}

}
