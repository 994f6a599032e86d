package dev.fleetjobs.simulator.provisioning;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.simulator.fleet.SimulatedDevice;
import dev.fleetjobs.simulator.hub.DeviceCredentials;
import dev.fleetjobs.simulator.hub.HubConnection;

/**
 * Registers a shard's devices on the hub, idempotently: batches of 100 go through the
 * bulk registry operation with fresh keys; devices that exist keep theirs (read back from
 * the registry), and tags are written only where the twin's differ from the profile's.
 */
public final class Provisioning {

	static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(Provisioning.class);

	private final DeviceRegistry registry;

	private final String hostName;

	private final SecureRandom random = new SecureRandom();

	Provisioning(DeviceRegistry registry, String hostName) {
		this.registry = registry;
		this.hostName = hostName;
	}

	/** Provisioning through the official service SDK, with the hub's service policy. */
	public static Provisioning of(HubConnection hub) {
		return new Provisioning(new SdkDeviceRegistry(hub), hub.hostName());
	}

	/** Creates or reuses every device; returns their credentials in the given order. */
	public Result provision(List<SimulatedDevice> devices) {
		List<DeviceCredentials> credentials = new ArrayList<>(devices.size());
		int created = 0;
		int retagged = 0;
		for (int start = 0; start < devices.size(); start += BATCH) {
			List<SimulatedDevice> batch = devices.subList(start, Math.min(devices.size(), start + BATCH));
			List<DeviceRegistry.NewDevice> fresh = batch.stream()
				.map((device) -> new DeviceRegistry.NewDevice(device.deviceId(), newKey(), newKey(), device.tags()))
				.toList();
			Set<String> existing = this.registry.createAll(fresh);
			created += batch.size() - existing.size();
			for (DeviceRegistry.NewDevice device : fresh) {
				String key = existing.contains(device.deviceId()) ? this.registry.primaryKey(device.deviceId())
						: device.primaryKey();
				credentials.add(new DeviceCredentials(device.deviceId(), this.hostName, key));
			}
			// devices created now got their tags with them
			if (!existing.isEmpty()) {
				retagged += retag(batch, existing);
			}
			log.debug("Provisioned {} of {} devices", start + batch.size(), devices.size());
		}
		Result result = new Result(credentials, created, devices.size() - created, retagged);
		log.info("Provisioned {} devices: {} created, {} reused, {} re-tagged", devices.size(), result.created(),
				result.reused(), result.retagged());
		return result;
	}

	private int retag(List<SimulatedDevice> batch, Set<String> existing) {
		Map<String, Map<String, Object>> current = this.registry
			.tags(batch.stream().map(SimulatedDevice::deviceId).filter(existing::contains).toList());
		int retagged = 0;
		for (SimulatedDevice device : batch) {
			if (existing.contains(device.deviceId())
					&& !containsAll(current.getOrDefault(device.deviceId(), Map.of()), device.tags())) {
				this.registry.patchTags(device.deviceId(), device.tags());
				retagged++;
			}
		}
		return retagged;
	}

	private String newKey() {
		byte[] key = new byte[32];
		this.random.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	/** Whether the twin's tags hold every wanted tag with an equal value. */
	static boolean containsAll(Map<String, Object> current, Map<String, Object> wanted) {
		return wanted.entrySet().stream().allMatch((tag) -> same(current.get(tag.getKey()), tag.getValue()));
	}

	private static boolean same(Object current, Object wanted) {
		if (current instanceof Number a && wanted instanceof Number b) {
			return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
		}
		return Objects.equals(current, wanted);
	}

	/**
	 * The outcome: credentials in fleet order, and how many devices were created, reused
	 * and re-tagged.
	 */
	public record Result(List<DeviceCredentials> credentials, int created, int reused, int retagged) {
	}

}
