package dev.fleetjobs.status.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.registry.DeviceSpec;

/**
 * Door locks on the official device client (iot-device-client 2.5.0, MQTT over WebSockets
 * to the emulator's port), as in the tutorial: {@code lockDoor} answers 200
 * {@code {"Response":"lockDoor called successfully"}}. By index: every 20th device
 * ({@code index % 20 == 19}) never connects, the 8th of each 20 answers 500 (jammed), and
 * each answers after {@code (index % 25) × 100 ms}, so a job over the fleet runs for a
 * few seconds with visible progress.
 */
public final class Fleet implements AutoCloseable {

	private final List<String> ids = new ArrayList<>();

	private final List<DeviceClient> clients = new ArrayList<>();

	private final AtomicInteger calls = new AtomicInteger();

	private Fleet() {
	}

	static Fleet start(IotHubEmulator hub, String prefix, int size) throws Exception {
		Fleet fleet = new Fleet();
		for (int i = 0; i < size; i++) {
			String id = String.format("%s-%03d", prefix, i);
			fleet.ids.add(id);
			hub.registry().create(DeviceSpec.of(id));
		}
		ExecutorService pool = Executors.newFixedThreadPool(24);
		try {
			List<Future<DeviceClient>> opened = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				if (role(i) != Role.OFFLINE) {
					int index = i;
					opened.add(pool.submit(() -> fleet.connect(hub, index)));
				}
			}
			for (Future<DeviceClient> future : opened) {
				fleet.clients.add(future.get());
			}
		}
		finally {
			pool.shutdown();
		}
		return fleet;
	}

	private DeviceClient connect(IotHubEmulator hub, int index) throws Exception {
		String id = this.ids.get(index);
		DeviceClient client = new DeviceClient(hub.serviceHostName(), id,
				() -> hub.deviceSasToken(id, Duration.ofHours(2)).toCharArray(), IotHubClientProtocol.MQTT_WS,
				ClientOptions.builder().sslContext(hub.sslContext()).build());
		client.open(true);
		client.subscribeToMethods((method, payload, context) -> answer(index, method), null);
		return client;
	}

	private DirectMethodResponse answer(int index, String method) {
		this.calls.incrementAndGet();
		if (!"lockDoor".equals(method)) {
			return new DirectMethodResponse(404, Map.of("Response", "no method " + method));
		}
		try {
			Thread.sleep(delay(index).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return (role(index) == Role.JAMMED) ? new DirectMethodResponse(500, jammed(this.ids.get(index)))
				: new DirectMethodResponse(200, locked(this.ids.get(index)));
	}

	/** What a healthy device answers. */
	public static Map<String, Object> locked(String deviceId) {
		return Map.of("Response", "lockDoor called successfully", "deviceId", deviceId);
	}

	/** What a jammed device answers (with status 500). */
	public static Map<String, Object> jammed(String deviceId) {
		return Map.of("Response", "the lock is jammed", "deviceId", deviceId);
	}

	public static Role role(int index) {
		return switch (index % 20) {
			case 19 -> Role.OFFLINE;
			case 7 -> Role.JAMMED;
			default -> Role.HEALTHY;
		};
	}

	static Duration delay(int index) {
		return Duration.ofMillis((index % 25) * 100L);
	}

	public List<String> ids() {
		return this.ids;
	}

	/** Method calls the devices answered so far. */
	public int calls() {
		return this.calls.get();
	}

	@Override
	public void close() {
		this.clients.parallelStream().forEach((client) -> {
			try {
				client.close();
			}
			catch (RuntimeException ex) {
				// closing anyway
			}
		});
	}

	/** What a device does. */
	public enum Role {

		HEALTHY, JAMMED, OFFLINE

	}

}
