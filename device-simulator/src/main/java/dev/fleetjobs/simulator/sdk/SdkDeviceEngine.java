package dev.fleetjobs.simulator.sdk;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import dev.fleetjobs.simulator.engine.AbstractDeviceEngine;
import dev.fleetjobs.simulator.engine.DeviceHandle;
import dev.fleetjobs.simulator.engine.EngineProperties;
import dev.fleetjobs.simulator.engine.FleetEvents;
import dev.fleetjobs.simulator.hub.DeviceCredentials;
import dev.fleetjobs.simulator.hub.HubConnection;

/**
 * One official iot-device-client 2.5.0 {@code DeviceClient} per device, over MQTT_WS (any
 * port: the host-name + SasTokenProvider constructor) or MQTT (the SDK always dials
 * 8883). The SDK runs several threads per client, so this engine is bounded by threads:
 * see the README for the measured limit and the JVM flags that raise it.
 */
public final class SdkDeviceEngine extends AbstractDeviceEngine {

	private final HubConnection hub;

	private final IotHubClientProtocol protocol;

	private final String clientHost;

	private final ExecutorService blocking;

	private final Map<String, SdkDevice> devices = new ConcurrentHashMap<>();

	public SdkDeviceEngine(HubConnection hub, EngineProperties properties, FleetEvents events) {
		super(properties, events, "sdk");
		this.hub = hub;
		if (properties.transport() == EngineProperties.Transport.MQTT) {
			if (hub.mqttPort() != 8883) {
				throw new IllegalArgumentException("The device SDK's MQTT over TLS always dials port 8883, but "
						+ "fleetjobs.simulator.hub.mqtt-port is " + hub.mqttPort()
						+ "; use fleetjobs.simulator.engine.transport=mqtt-ws or run the hub on 8883");
			}
			this.protocol = IotHubClientProtocol.MQTT;
			this.clientHost = hub.hostName();
		}
		else {
			this.protocol = IotHubClientProtocol.MQTT_WS;
			this.clientHost = hub.serviceHost();
		}
		AtomicInteger threads = new AtomicInteger();
		this.blocking = new ThreadPoolExecutor(properties.connectConcurrency(), properties.connectConcurrency(), 30,
				TimeUnit.SECONDS, new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, "simulator-sdk-connect-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		((ThreadPoolExecutor) this.blocking).allowCoreThreadTimeOut(true);
	}

	@Override
	protected CompletableFuture<Void> open(DeviceHandle device) {
		SdkDevice sdkDevice = this.devices.computeIfAbsent(device.deviceId(), (id) -> new SdkDevice(this, device));
		return CompletableFuture.runAsync(sdkDevice::open, this.blocking);
	}

	@Override
	protected CompletableFuture<Void> close(DeviceHandle device) {
		SdkDevice sdkDevice = this.devices.get(device.deviceId());
		if (sdkDevice == null) {
			return CompletableFuture.completedFuture(null);
		}
		return CompletableFuture.runAsync(sdkDevice::close, this.blocking);
	}

	@Override
	protected void closeTransport() {
		this.blocking.shutdown();
	}

	/**
	 * A client for one device. On the hub's own ports with a real host name (a '.' in it)
	 * the SDK gets the device connection string and signs and renews its tokens itself;
	 * otherwise (the emulator on other ports, or as {@code localhost}) it takes the host
	 * name with the port and a SasTokenProvider, the only way the SDK reaches such a hub.
	 */
	DeviceClient newClient(DeviceCredentials device) {
		if (this.hub.httpsPort() == 443 && this.hub.hostName().contains(".")) {
			return new DeviceClient("HostName=" + device.hostName() + ";DeviceId=" + device.deviceId()
					+ ";SharedAccessKey=" + device.key(), this.protocol, clientOptions());
		}
		Duration tokenTimeToLive = this.hub.properties().tokenTimeToLive();
		return new DeviceClient(this.clientHost, device.deviceId(),
				() -> device.sasToken(tokenTimeToLive).toCharArray(), this.protocol, clientOptions());
	}

	ClientOptions clientOptions() {
		return ClientOptions.builder()
			.sslContext(this.hub.sslContext())
			.keepAliveInterval((int) this.properties.keepAlive().toSeconds())
			.build();
	}

}
