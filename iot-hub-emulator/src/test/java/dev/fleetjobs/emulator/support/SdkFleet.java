package dev.fleetjobs.emulator.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.service.registry.serializers.ExportImportDeviceParser;
import com.microsoft.azure.sdk.iot.service.twin.TwinCollection;

import dev.fleetjobs.emulator.IotHubEmulator;

/**
 * A fleet of official device clients (iot-device-client 2.5.0, MQTT over WebSockets),
 * each answering {@code lockDoor} by its role: every 20th device (index % 20 == 0) stays
 * offline, the next one answers 500, the rest answer 200 with the tutorial's payload;
 * {@code slowLock} answers after 7 s, any other method 404. Devices are tagged
 * {@code fleet} (the fleet's name), {@code index} and {@code group} (index % 10): groups
 * 2..9 hold only healthy devices.
 */
public final class SdkFleet implements AutoCloseable {

	public static final String OK_PAYLOAD = "{\"Response\":\"lockDoor called successfully\"}";

	public static final String FAILED_PAYLOAD = "{\"Response\":\"the lock is jammed\"}";

	private final String name;

	private final List<String> ids = new ArrayList<>();

	private final List<DeviceClient> clients = new ArrayList<>();

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private SdkFleet(String name) {
		this.name = name;
	}

	/** Registers {@code size} tagged devices and connects all but the offline ones. */
	public static SdkFleet start(IotHubEmulator hub, String name, int size) throws Exception {
		SdkFleet fleet = new SdkFleet(name);
		List<ExportImportDeviceParser> batch = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			String id = String.format("%s-%03d", name, i);
			fleet.ids.add(id);
			ExportImportDeviceParser device = SdkRest.create(id);
			TwinCollection tags = new TwinCollection();
			tags.put("fleet", name);
			tags.put("index", i);
			tags.put("group", i % 10);
			device.setTags(tags);
			batch.add(device);
			if (batch.size() == 100 || i == size - 1) {
				SdkRest.bulk(hub, batch);
				batch.clear();
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(32);
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
		DeviceClient client = Devices.overWebSockets(hub, id);
		client.open(true);
		client.subscribeToMethods((method, payload, context) -> answer(index, method, payload), null);
		return client;
	}

	private DirectMethodResponse answer(int index, String method, DirectMethodPayload payload) {
		this.calls.computeIfAbsent(this.ids.get(index), (id) -> new AtomicInteger()).incrementAndGet();
		if ("slowLock".equals(method)) {
			try {
				Thread.sleep(7000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return new DirectMethodResponse(200, "late");
		}
		if (!"lockDoor".equals(method)) {
			return new DirectMethodResponse(404, "no method " + method);
		}
		return (role(index) == Role.ANSWERS_500)
				? new DirectMethodResponse(500, Map.of("Response", "the lock is jammed"))
				: new DirectMethodResponse(200, Map.of("Response", "lockDoor called successfully"));
	}

	public static Role role(int index) {
		return switch (index % 20) {
			case 0 -> Role.OFFLINE;
			case 1 -> Role.ANSWERS_500;
			default -> Role.HEALTHY;
		};
	}

	public String name() {
		return this.name;
	}

	public List<String> ids() {
		return this.ids;
	}

	/** How many method calls a device got. */
	public int calls(String deviceId) {
		AtomicInteger count = this.calls.get(deviceId);
		return (count != null) ? count.get() : 0;
	}

	public int totalCalls() {
		return this.calls.values().stream().mapToInt(AtomicInteger::get).sum();
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

	/** What a device of the fleet does. */
	public enum Role {

		HEALTHY, ANSWERS_500, OFFLINE

	}

}
