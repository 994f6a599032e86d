package dev.fleetjobs.simulator.light;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedListener;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscribe;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscription;

import dev.fleetjobs.simulator.engine.AbstractDeviceEngine;
import dev.fleetjobs.simulator.engine.DeviceHandle;
import dev.fleetjobs.simulator.engine.EngineProperties;
import dev.fleetjobs.simulator.engine.FleetEvents;
import dev.fleetjobs.simulator.hub.HubConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Many devices multiplexed on one shared Netty event loop (HiveMQ MQTT client): MQTT over
 * TLS on the hub's MQTT port, or over WebSockets at {@code /$iothub/websocket} on its
 * HTTPS port. The transport, TLS and executor settings are built once and shared by every
 * client.
 */
public final class LightDeviceEngine extends AbstractDeviceEngine {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Duration TWIN_TIMEOUT = Duration.ofSeconds(30);

	static final Mqtt3Subscribe SUBSCRIBE = Mqtt3Subscribe.builder()
		.addSubscription(
				Mqtt3Subscription.builder().topicFilter(IotHubTopics.METHODS).qos(MqttQos.AT_LEAST_ONCE).build())
		.addSubscription(
				Mqtt3Subscription.builder().topicFilter(IotHubTopics.TWIN_RESPONSES).qos(MqttQos.AT_LEAST_ONCE).build())
		.addSubscription(
				Mqtt3Subscription.builder().topicFilter(IotHubTopics.DESIRED).qos(MqttQos.AT_LEAST_ONCE).build())
		.build();

	/** The client type the hub sees in the user name, like the SDK's DeviceClientType. */
	private static final String CLIENT_TYPE = "fleetjobs-device-simulator%2Flight";

	private static final Logger log = LoggerFactory.getLogger(LightDeviceEngine.class);

	private final HubConnection hub;

	private final MqttClientTransportConfig transport;

	private final MqttClientExecutorConfig executor;

	private final Map<String, LightDevice> devices = new ConcurrentHashMap<>();

	public LightDeviceEngine(HubConnection hub, EngineProperties properties, FleetEvents events) {
		super(properties, events, "light");
		this.hub = hub;
		boolean webSocket = properties.transport() == EngineProperties.Transport.MQTT_WS;
		MqttClientTransportConfigBuilder builder = MqttClientTransportConfig.builder()
			.serverHost(hub.hostName())
			.serverPort(webSocket ? hub.httpsPort() : hub.mqttPort())
			.mqttConnectTimeout(30, TimeUnit.SECONDS)
			.socketConnectTimeout(30, TimeUnit.SECONDS)
			.sslConfig()
			.trustManagerFactory(hub.trustManagerFactory())
			.applySslConfig();
		if (webSocket) {
			builder.webSocketConfig()
				.serverPath("$iothub/websocket")
				.queryString("iothub-no-client-cert=true")
				.subprotocol("mqtt")
				.applyWebSocketConfig();
		}
		this.transport = builder.build();
		int threads = (properties.ioThreads() > 0) ? properties.ioThreads()
				: Runtime.getRuntime().availableProcessors();
		this.executor = MqttClientExecutorConfig.builder().nettyThreads(threads).build();
	}

	@Override
	protected CompletableFuture<Void> open(DeviceHandle device) {
		return this.devices.computeIfAbsent(device.deviceId(), (id) -> new LightDevice(this, device)).open();
	}

	@Override
	protected CompletableFuture<Void> close(DeviceHandle device) {
		LightDevice light = this.devices.get(device.deviceId());
		return (light != null) ? light.close() : CompletableFuture.completedFuture(null);
	}

	@Override
	protected void closeTransport() {
		this.devices.clear();
	}

	Mqtt3AsyncClient clientFor(String deviceId, MqttClientConnectedListener connected,
			MqttClientDisconnectedListener disconnected) {
		return MqttClient.builder()
			.useMqttVersion3()
			.identifier(deviceId)
			.transportConfig(this.transport)
			.executorConfig(this.executor)
			.addConnectedListener(connected)
			.addDisconnectedListener(disconnected)
			.buildAsync();
	}

	/** {@code {host}/{deviceId}/?api-version=...}, as the hub expects. */
	String userName(String deviceId) {
		return this.hub.hostName() + "/" + deviceId + "/?api-version=2021-04-12&DeviceClientType=" + CLIENT_TYPE;
	}

	String password(DeviceHandle device) {
		return device.credentials().sasToken(this.hub.properties().tokenTimeToLive());
	}

	Duration keepAlive() {
		return this.properties.keepAlive();
	}

	void twinReadFailed(DeviceHandle device, int status) {
		log.warn("The hub answered {} to the twin GET of {}", status, device.deviceId());
	}

	/** A twin section without {@code $version} and {@code $metadata}. */
	static JsonNode withoutMetadata(JsonNode section) {
		if (!section.isObject()) {
			return JSON.createObjectNode();
		}
		ObjectNode copy = ((ObjectNode) section).deepCopy();
		copy.remove("$version");
		copy.remove("$metadata");
		return copy;
	}

}
