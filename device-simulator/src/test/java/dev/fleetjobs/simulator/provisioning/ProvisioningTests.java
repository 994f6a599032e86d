package dev.fleetjobs.simulator.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.fleetjobs.simulator.fleet.FleetLayout;
import dev.fleetjobs.simulator.fleet.Shard;
import dev.fleetjobs.simulator.fleet.SimulatedDevice;
import dev.fleetjobs.simulator.hub.DeviceCredentials;
import dev.fleetjobs.simulator.support.Fleets;
import dev.fleetjobs.simulator.support.TestHub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How provisioning uses the registry: the real one (official service SDK against the test
 * JVM's emulator), observed through a recording decorator that counts the calls.
 */
class ProvisioningTests {

	private final RecordingRegistry registry = new RecordingRegistry(new SdkDeviceRegistry(TestHub.get().connection()));

	private final Provisioning provisioning = new Provisioning(this.registry, TestHub.get().connection().hostName());

	@Test
	void givenANewFleetWhenProvisionedThenDevicesAreCreatedInBulkBatchesOfAHundredWithTheirTags() throws Exception {
		// Given
		List<SimulatedDevice> devices = devices("batch", 250);

		// When
		Provisioning.Result result = this.provisioning.provision(devices);

		// Then
		assertThat(this.registry.batchSizes).containsExactly(100, 100, 50);
		assertThat(this.registry.tagQueries).as("the created devices' tags are not read back").isZero();
		assertThat(this.registry.tagPatches).isZero();
		assertThat(result.created()).isEqualTo(250);
		assertThat(result.credentials()).extracting(DeviceCredentials::deviceId)
			.containsExactlyElementsOf(devices.stream().map(SimulatedDevice::deviceId).toList());
		String first = devices.get(0).deviceId();
		assertThat(result.credentials().get(0).key())
			.isEqualTo(TestHub.get().registry().getDevice(first).getPrimaryKey());
		assertThat(TestHub.get().twins().get(first).getTags()).containsEntry("building", 1L)
			.containsEntry("kind", "door-lock");
	}

	@Test
	void givenAProvisionedFleetWhenProvisionedAgainThenNoTagIsWrittenAndKeysAreKept() {
		// Given
		List<SimulatedDevice> devices = devices("again", 120);
		Provisioning.Result first = this.provisioning.provision(devices);
		this.registry.batchSizes.clear();

		// When
		Provisioning.Result second = this.provisioning.provision(devices);

		// Then
		assertThat(this.registry.batchSizes).containsExactly(100, 20);
		assertThat(this.registry.tagQueries).isEqualTo(2);
		assertThat(this.registry.tagPatches).isZero();
		assertThat(second.created()).isZero();
		assertThat(second.reused()).isEqualTo(120);
		assertThat(second.credentials()).isEqualTo(first.credentials());
	}

	@Test
	void numbersCompareByValueWhateverTheirJavaType() {
		assertThat(Provisioning.containsAll(Map.of("floor", 3L, "kind", "door-lock"), Map.of("floor", 3))).isTrue();
		assertThat(Provisioning.containsAll(Map.of("floor", 3.0), Map.of("floor", 3))).isTrue();
		assertThat(Provisioning.containsAll(Map.of("floor", "3"), Map.of("floor", 3))).isFalse();
		assertThat(Provisioning.containsAll(Map.of(), Map.of("floor", 3))).isFalse();
	}

	private static List<SimulatedDevice> devices(String prefix, int count) {
		return new FleetLayout(Fleets.profile(prefix, count, 5, 2)).devices(Shard.ALL);
	}

	/** The real registry, with the calls that provisioning makes counted. */
	static final class RecordingRegistry implements DeviceRegistry {

		private final DeviceRegistry delegate;

		final List<Integer> batchSizes = new ArrayList<>();

		int tagPatches;

		int tagQueries;

		RecordingRegistry(DeviceRegistry delegate) {
			this.delegate = delegate;
		}

		@Override
		public Set<String> createAll(List<NewDevice> devices) {
			this.batchSizes.add(devices.size());
			return this.delegate.createAll(devices);
		}

		@Override
		public String primaryKey(String deviceId) {
			return this.delegate.primaryKey(deviceId);
		}

		@Override
		public Map<String, Map<String, Object>> tags(List<String> deviceIds) {
			this.tagQueries++;
			return this.delegate.tags(deviceIds);
		}

		@Override
		public void patchTags(String deviceId, Map<String, Object> tags) {
			this.tagPatches++;
			this.delegate.patchTags(deviceId, tags);
		}

	}

}
