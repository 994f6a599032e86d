package dev.fleetjobs.emulator.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.fleetjobs.emulator.errors.IotHubErrorException;
import dev.fleetjobs.emulator.errors.IotHubErrors;

/**
 * The bulk registry operation ({@code POST /devices}): up to 100 creates, updates and
 * deletes in one call, each succeeding or failing on its own, as on the hub.
 */
public final class BulkRegistry {

	/** The hub's limit of devices per bulk call. */
	public static final int MAX_DEVICES = 100;

	private final DeviceRegistry registry;

	public BulkRegistry(DeviceRegistry registry) {
		this.registry = registry;
	}

	public BulkOperation.Result apply(List<BulkOperation> operations) {
		if (operations.isEmpty()) {
			throw IotHubErrors.argumentInvalid("A bulk registry request needs at least one device.");
		}
		if (operations.size() > MAX_DEVICES) {
			throw IotHubErrors.argumentInvalid("A bulk registry request may hold at most " + MAX_DEVICES
					+ " devices; this one holds " + operations.size() + ".");
		}
		Set<String> seen = new HashSet<>();
		for (BulkOperation operation : operations) {
			String id = DeviceIds.validate(operation.device().deviceId());
			if (!seen.add(id)) {
				throw IotHubErrors.argumentInvalid("Device '" + id + "' appears more than once in the bulk request.");
			}
		}
		List<BulkOperation.Failure> failures = new ArrayList<>();
		for (BulkOperation operation : operations) {
			try {
				apply(operation);
			}
			catch (IotHubErrorException ex) {
				failures.add(new BulkOperation.Failure(operation.device().deviceId(), ex.errorName(), ex.getMessage()));
			}
		}
		return new BulkOperation.Result(failures.isEmpty(), failures);
	}

	private void apply(BulkOperation operation) {
		DeviceSpec spec = operation.device();
		switch (operation.mode()) {
			case CREATE -> this.registry.create(spec);
			case UPDATE -> {
				if (this.registry.find(spec.deviceId()) == null) {
					this.registry.create(spec);
				}
				else {
					this.registry.update(spec, "*");
				}
			}
			case UPDATE_IF_MATCH_ETAG -> this.registry.update(spec, required(operation.etag()));
			case DELETE -> this.registry.delete(spec.deviceId(), "*");
			case DELETE_IF_MATCH_ETAG -> this.registry.delete(spec.deviceId(), required(operation.etag()));
		}
	}

	private static String required(String etag) {
		if (Etags.normalize(etag) == null) {
			throw IotHubErrors.argumentNull("This importMode needs the device's eTag.");
		}
		return etag;
	}

}
