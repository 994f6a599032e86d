package dev.fleetjobs.simulator.fleet;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FleetLayoutTests {

	@Test
	void devicesGetIdsAndTagsFromTheirPlaceRoundRobinOverBuildingsAndFloors() {
		// Given
		FleetLayout layout = new FleetLayout(fleet(1_000, "lock-{building}-{floor}-{index}", 50, 5));

		// When
		SimulatedDevice first = layout.device(0);
		SimulatedDevice next = layout.device(1);
		SimulatedDevice secondRound = layout.device(250);

		// Then
		assertThat(first.deviceId()).isEqualTo("lock-1-1-1");
		assertThat(first.tags()).containsEntry("building", 1)
			.containsEntry("floor", 1)
			.containsEntry("kind", "door-lock");
		assertThat(next.deviceId()).isEqualTo("lock-1-2-1");
		assertThat(secondRound.deviceId()).isEqualTo("lock-1-1-2");
	}

	@Test
	void aBuildingAndFloorSelectAPredictableSet() {
		// Given 1,000 devices over 50 buildings of 5 floors: 4 per floor
		FleetLayout layout = new FleetLayout(fleet(1_000, "lock-{building}-{floor}-{index}", 50, 5));

		// When
		List<String> selected = layout.devices(Shard.ALL)
			.stream()
			.filter((device) -> device.building() == 43 && device.floor() == 3)
			.map(SimulatedDevice::deviceId)
			.toList();

		// Then
		assertThat(selected).containsExactly("lock-43-3-1", "lock-43-3-2", "lock-43-3-3", "lock-43-3-4");
	}

	@Test
	void shardsPartitionTheFleetExactly() {
		// Given
		FleetLayout layout = new FleetLayout(fleet(1_003, "door-{n}", 7, 3));
		Set<String> all = new HashSet<>();
		int total = 0;

		// When
		for (int index = 0; index < 4; index++) {
			List<SimulatedDevice> shard = layout.devices(new Shard(index, 4));
			total += shard.size();
			shard.forEach((device) -> all.add(device.deviceId()));
			assertThat(shard)
				.allMatch((device) -> new Shard(shard.get(0).position() % 4, 4).contains(device.position()));
		}

		// Then
		assertThat(total).isEqualTo(1_003);
		assertThat(all).hasSize(1_003)
			.isEqualTo(new HashSet<>(IntStream.rangeClosed(1, 1_003).mapToObj((n) -> "door-" + n).toList()));
	}

	@Test
	void rejectsPatternsThatWouldRepeatIdsOrThatTheHubRefuses() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FleetLayout(fleet(10, "lock-{building}-{floor}", 2, 2)))
			.withMessageContaining("would repeat ids");
		assertThatIllegalArgumentException().isThrownBy(() -> new FleetLayout(fleet(10, "lock {n}", 2, 2)))
			.withMessageContaining("does not accept");
	}

	@Test
	void rejectsTagsTheLayoutOwns() {
		FleetProperties fleet = new FleetProperties(10, "d-{n}", 2, 2, Map.of("floor", "9"), "0/1");
		assertThatIllegalArgumentException().isThrownBy(() -> new FleetLayout(fleet))
			.withMessageContaining("tags.floor is set by the layout");
	}

	@Test
	void shardsParseFromIOverNAndRejectAnythingElse() {
		assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
		assertThat(Shard.parse(" 0/1 ")).isEqualTo(Shard.ALL);
		assertThatIllegalArgumentException().isThrownBy(() -> Shard.parse("4/4")).withMessageContaining("0 <= i < n");
		assertThatIllegalArgumentException().isThrownBy(() -> Shard.parse("1-4")).withMessageContaining("--shard=0/4");
	}

	private static FleetProperties fleet(int count, String pattern, int buildings, int floors) {
		return new FleetProperties(count, pattern, buildings, floors, Map.of("kind", "door-lock"), "0/1");
	}

}
