package dev.fleetjobs.simulator.acceptance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.azure.sdk.iot.service.query.QueryPageOptions;
import com.microsoft.azure.sdk.iot.service.query.TwinQueryResponse;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.simulator.fleet.FleetLayout;
import dev.fleetjobs.simulator.fleet.FleetProperties;
import dev.fleetjobs.simulator.fleet.Shard;
import dev.fleetjobs.simulator.fleet.SimulatedDevice;
import dev.fleetjobs.simulator.hub.DeviceCredentials;
import dev.fleetjobs.simulator.provisioning.Provisioning;
import dev.fleetjobs.simulator.support.Fleets;
import dev.fleetjobs.simulator.support.TestHub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provisioning through the official service SDK against the emulator: bulk creation with
 * tags that a job query can target, idempotent reruns, and shards that split a fleet
 * exactly.
 */
class ProvisioningIntegrationTests {

	private final TestHub hub = TestHub.get();

	@Test
	void createsTheFleetWithTagsThatSelectAPredictableSet() throws Exception {
		// Given 250 devices over 50 buildings of 5 floors (one per floor)
		FleetProperties profile = Fleets.profile("prov", 250, 50, 5);

		// When
		Provisioning.Result result = Provisioning.of(this.hub.connection())
			.provision(new FleetLayout(profile).devices(Shard.ALL));

		// Then
		assertThat(result.created()).isEqualTo(250);
		assertThat(this.hub.registry().getDevice("prov-43-3-1").getPrimaryKey())
			.isEqualTo(key(result.credentials(), "prov-43-3-1"));
		assertThat(deviceIds("SELECT * FROM devices WHERE tags.fleet = 'prov' AND tags.building = 43 "
				+ "AND tags.floor = 3 AND tags.kind = 'door-lock'"))
			.containsExactly("prov-43-3-1");
		assertThat(deviceIds("SELECT * FROM devices WHERE tags.fleet = 'prov'")).hasSize(250);
	}

	@Test
	void aRerunReusesEveryDeviceWithItsKeyAndRetagsOnlyWhatDrifted() throws Exception {
		// Given
		List<SimulatedDevice> devices = new FleetLayout(Fleets.profile("rerun", 120, 4, 3)).devices(Shard.ALL);
		Provisioning.Result first = Provisioning.of(this.hub.connection()).provision(devices);
		Twin drifted = new Twin("rerun-2-2-1");
		drifted.getTags().put("floor", 9);
		this.hub.twins().patch(drifted);

		// When
		Provisioning.Result second = Provisioning.of(this.hub.connection()).provision(devices);

		// Then
		assertThat(second.created()).isZero();
		assertThat(second.reused()).isEqualTo(120);
		assertThat(second.retagged()).isEqualTo(1);
		assertThat(second.credentials()).isEqualTo(first.credentials());
		assertThat(this.hub.twins().get("rerun-2-2-1").getTags()).containsEntry("floor", 2L);
	}

	@Test
	void shardsProvisionDisjointPartsThatMakeTheWholeFleet() throws Exception {
		// Given
		FleetProperties profile = Fleets.profile("shard", 101, 3, 2);
		FleetLayout layout = new FleetLayout(profile);
		Set<String> provisioned = new HashSet<>();
		int total = 0;

		// When
		for (int index = 0; index < 3; index++) {
			List<DeviceCredentials> shard = Provisioning.of(this.hub.connection())
				.provision(layout.devices(new Shard(index, 3)))
				.credentials();
			total += shard.size();
			shard.forEach((device) -> provisioned.add(device.deviceId()));
		}

		// Then
		assertThat(total).isEqualTo(101);
		assertThat(provisioned).hasSize(101);
		assertThat(new HashSet<>(deviceIds("SELECT * FROM devices WHERE tags.fleet = 'shard'"))).isEqualTo(provisioned);
	}

	private List<String> deviceIds(String query) throws Exception {
		List<String> ids = new ArrayList<>();
		QueryPageOptions page = QueryPageOptions.builder().pageSize(1000).build();
		TwinQueryResponse response = this.hub.query().queryTwins(query, page);
		while (response.hasNext()) {
			ids.add(response.next(page).getDeviceId());
		}
		return ids;
	}

	private static String key(List<DeviceCredentials> credentials, String deviceId) {
		return credentials.stream()
			.filter((device) -> device.deviceId().equals(deviceId))
			.findFirst()
			.orElseThrow()
			.key();
	}

}
